package io.cockpit.smtp.core.store;

/** The record changed underneath (another window or process saved first); nothing was changed. */
public final class ConflictException extends Exception {
    private final long expectedVersion;
    private final long actualVersion;

    public ConflictException(String what, long expectedVersion, long actualVersion) {
        super("The " + what + " was changed by someone else (version " + actualVersion + ", you edited version "
                + expectedVersion + "): reload it and apply your change again. Nothing was saved.");
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }
}
