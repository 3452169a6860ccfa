package io.cockpit.smtp.core.access;

/**
 * A change refused because the caller's role does not allow it; nothing was changed. The CLI exits 4; a screen says
 * it in words. The message is for the log: the screens and the CLI word it from the codes.
 */
public final class NotPermittedException extends RuntimeException {
    private final String who;
    private final Role role;
    private final Operation operation;

    public NotPermittedException(String who, Role role, Operation operation) {
        super(who + " (" + (role == null ? "no role" : role.cliName()) + ") may not " + operation);
        this.who = who;
        this.role = role;
        this.operation = operation;
    }

    public String who() {
        return who;
    }

    /** Null when the store gives the caller no role. */
    public Role role() {
        return role;
    }

    public Operation operation() {
        return operation;
    }
}
