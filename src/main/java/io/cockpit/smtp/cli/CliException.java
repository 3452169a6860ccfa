package io.cockpit.smtp.cli;

/** Ends a command with an exit code and one or a few plain lines on stderr. */
public final class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public static CliException invalid(String field, String why) {
        return new CliException(ExitCode.INVALID, field + ": " + why);
    }

    public int exitCode() {
        return exitCode;
    }
}
