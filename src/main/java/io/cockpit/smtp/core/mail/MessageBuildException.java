package io.cockpit.smtp.core.mail;

/** A message could not be built from its draft (an address or the Message-ID is malformed); retrying cannot help. */
public final class MessageBuildException extends Exception {
    public MessageBuildException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
