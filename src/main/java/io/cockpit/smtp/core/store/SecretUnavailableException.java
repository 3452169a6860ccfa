package io.cockpit.smtp.core.store;

/** A stored secret cannot be decrypted (key file missing, damaged or replaced): the secret must be entered again. */
public final class SecretUnavailableException extends Exception {
    private final String context;

    public SecretUnavailableException(String context, String why) {
        super("The stored secret (" + context + ") cannot be decrypted: " + why + ". Enter it again.");
        this.context = context;
    }

    public String context() {
        return context;
    }
}
