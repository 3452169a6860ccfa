package io.cockpit.smtp.core.store;

/** A stored secret cannot be decrypted (key file missing, damaged or replaced): the secret must be entered again. */
public final class SecretUnavailableException extends Exception {
    private final String context;
    private final String why;

    public SecretUnavailableException(String context, String why) {
        super("The stored secret (" + context + ") cannot be decrypted: " + why + ". Enter it again.");
        this.context = context;
        this.why = why;
    }

    /** Which secret: the context it was sealed with. */
    public String context() {
        return context;
    }

    /** Why it cannot be decrypted, in the store's words (for logs and the CLI). */
    public String why() {
        return why;
    }
}
