package io.cockpit.smtp.core.mail.diagnosis;

/** The steps of a connection check or a test email, in the order they can occur. */
public enum Step {
    RESOLVE("resolve"),
    CONNECT("connect"),
    TLS("tls"),
    GREETING("greeting"),
    AUTH("auth"),
    MAIL_FROM("mail-from"),
    RCPT_TO("rcpt-to"),
    DATA("data");

    private final String id;

    Step(String id) {
        this.id = id;
    }

    /** The name in the CLI's JSON ({@code steps[].name}) and the suffix of the UI's bundle keys. */
    public String id() {
        return id;
    }
}
