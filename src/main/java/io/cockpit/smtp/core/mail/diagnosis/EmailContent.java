package io.cockpit.smtp.core.mail.diagnosis;

import java.util.Objects;

/** The subject and plain-text body of a test email. */
public record EmailContent(String subject, String body) {
    public EmailContent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
