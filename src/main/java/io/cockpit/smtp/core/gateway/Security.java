package io.cockpit.smtp.core.gateway;

/** How the connection to the SMTP server is protected. */
public enum Security {
    /** Plain text. */
    NONE(25),
    /** TLS from the first byte (SMTPS). */
    SSL(465),
    /** EHLO then STARTTLS; required: the session never goes on in plain text. */
    STARTTLS(587);

    private final int usualPort;

    Security(int usualPort) {
        this.usualPort = usualPort;
    }

    public int usualPort() {
        return usualPort;
    }

    /** The port to show after switching from {@code previous} to this mode: it follows only if it held the previous mode's usual port. */
    public int portAfterSwitchFrom(Security previous, int currentPort) {
        return previous != null && currentPort == previous.usualPort() ? usualPort : currentPort;
    }

    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
