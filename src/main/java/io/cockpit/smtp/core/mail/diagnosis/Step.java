package io.cockpit.smtp.core.mail.diagnosis;

/**
 * The steps of a connection check or a test email. SMTP runs RESOLVE to DATA in this order; Microsoft Graph runs
 * TOKEN, RESOLVE, CONNECT, TLS, PERMISSION, then SEND.
 */
public enum Step {
    RESOLVE("resolve"),
    CONNECT("connect"),
    TLS("tls"),
    GREETING("greeting"),
    AUTH("auth"),
    MAIL_FROM("mail-from"),
    RCPT_TO("rcpt-to"),
    DATA("data"),
    /** Microsoft Graph: the application's access token from the provider. */
    TOKEN("token"),
    /** Microsoft Graph: the token carries the Mail.Send application permission. */
    PERMISSION("permission"),
    /** Microsoft Graph: the test email posted to sendMail. */
    SEND("send");

    private final String id;

    Step(String id) {
        this.id = id;
    }

    /** The name in the CLI's JSON ({@code steps[].name}) and the suffix of the UI's bundle keys. */
    public String id() {
        return id;
    }
}
