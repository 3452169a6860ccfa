package io.cockpit.smtp.cli;

/** The exit codes of every command (docs/cli.md): scripts branch on them, so a code never changes meaning. */
public final class ExitCode {
    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;
    public static final int CONFLICT = 3;
    /** The user's role does not allow the operation; nothing was changed. */
    public static final int NOT_PERMITTED = 4;

    private ExitCode() {
    }
}
