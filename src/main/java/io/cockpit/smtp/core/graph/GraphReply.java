package io.cockpit.smtp.core.graph;

import java.time.Duration;

/**
 * What Graph answered to one {@code sendMail}.
 *
 * @param retryAfter how long the service asks to wait (429 and 503); null when it did not say
 * @param errorCode Graph's {@code error.code} ("ErrorAccessDenied", "InvalidAuthenticationToken"), null on success
 * @param errorMessage Graph's {@code error.message}, first line; null on success
 */
public record GraphReply(int status, Duration retryAfter, String errorCode, String errorMessage) {
    /** 202 Accepted: Graph took the message; it is sent from the mailbox. */
    public boolean accepted() {
        return status == 202;
    }

    /** 429 Too Many Requests or 503 Service Unavailable: wait as long as the service asks, then try again. */
    public boolean throttled() {
        return status == 429 || status == 503;
    }

    /** 401: the token is expired or not accepted; a new one is obtained for the next try. */
    public boolean tokenRejected() {
        return status == 401;
    }

    /** 403: the application lacks the Mail.Send permission (or it is not consented, or the mailbox is out of its scope). */
    public boolean permissionMissing() {
        return status == 403;
    }

    /** The status line and Graph's reason, for the outbox's last error: "403 ErrorAccessDenied: Access is denied." */
    public String summary() {
        StringBuilder sb = new StringBuilder("HTTP ").append(status);
        if (errorCode != null) {
            sb.append(' ').append(errorCode);
        }
        if (errorMessage != null) {
            sb.append(": ").append(errorMessage);
        }
        if (retryAfter != null) {
            sb.append(" (retry after ").append(retryAfter.toSeconds()).append(" s)");
        }
        return sb.toString();
    }
}
