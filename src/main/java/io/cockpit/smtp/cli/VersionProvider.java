package io.cockpit.smtp.cli;

import picocli.CommandLine.IVersionProvider;

public final class VersionProvider implements IVersionProvider {
    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"cockpit-smtp " + version()};
    }
}
