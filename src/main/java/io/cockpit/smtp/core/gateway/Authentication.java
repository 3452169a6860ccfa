package io.cockpit.smtp.core.gateway;

import java.util.Locale;

/** How the console authenticates to the SMTP server. */
public enum Authentication {
    NONE, PASSWORD, OAUTH2;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
