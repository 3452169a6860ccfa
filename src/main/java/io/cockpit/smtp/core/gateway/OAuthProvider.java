package io.cockpit.smtp.core.gateway;

import java.util.Locale;

public enum OAuthProvider {
    MICROSOFT, GOOGLE, CUSTOM;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
