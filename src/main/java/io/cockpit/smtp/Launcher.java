package io.cockpit.smtp;

import io.cockpit.smtp.cli.Cli;
import io.cockpit.smtp.core.store.DbLocation;

/**
 * The program's entry point. With a command it runs the CLI (no display needed); without one it opens the console.
 * It does not extend {@code Application}: a shaded jar whose main class does fails with "JavaFX runtime components are
 * missing".
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        LogSetup.toFileBesideStore(args);
        if (args.length == 0) {
            // The desktop's launch: nothing to parse, so the window does not wait for the command-line parser.
            openConsole(DbLocation.resolve(null, null));
            System.exit(0);
        }
        System.exit(Cli.run(args, System.in, System.out, System.err, Launcher::openConsole));
    }

    private static void openConsole(DbLocation location) {
        // Loaded by name so that a command never loads JavaFX classes.
        try {
            Class.forName("io.cockpit.smtp.ui.ConsoleApp")
                    .getMethod("launchConsole", DbLocation.class)
                    .invoke(null, location);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.err.println("The console could not open: " + cause.getMessage());
            System.exit(1);
        }
    }
}
