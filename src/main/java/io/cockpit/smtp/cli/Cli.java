package io.cockpit.smtp.cli;

import io.cockpit.smtp.core.access.DatabaseRolesException;
import io.cockpit.smtp.core.access.NotPermittedException;
import io.cockpit.smtp.core.mail.MailWarmup;
import io.cockpit.smtp.core.store.ConflictException;
import io.cockpit.smtp.core.store.InvalidLocationException;
import io.cockpit.smtp.core.store.SecretUnavailableException;
import io.cockpit.smtp.core.store.StoreException;
import io.cockpit.smtp.core.store.StoreFailure;
import io.cockpit.smtp.core.store.StoreNotAnswering;
import io.cockpit.smtp.core.store.StoreUse;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Runs one command line: parses, runs, maps failures to the exit codes of docs/cli.md and plain words on stderr. */
public final class Cli {
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private Cli() {
    }

    /**
     * @param openConsole called with the resolved store location when no command was given
     * @return the exit code
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
                          Consumer<io.cockpit.smtp.core.store.DbLocation> openConsole) {
        return run(args, System.getenv(), in, out, err, openConsole);
    }

    /** As {@link #run(String[], InputStream, PrintStream, PrintStream, Consumer)} with the environment given. */
    public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
                          Consumer<io.cockpit.smtp.core.store.DbLocation> openConsole) {
        // First: the store opens on the second core while picocli builds its model below.
        StoreUse use = CommandTree.storeUseFor(args);
        StorePrefetch prefetch = StorePrefetch.startFor(args, env, use);
        if (CommandTree.talksToMailServer(args)) {
            MailWarmup.startInBackground();
        }
        RootCommand root = new RootCommand();
        root.stdin(in);
        root.env(env);
        root.prefetch(prefetch);
        root.storeUse(use);
        CommandLine cl = new CommandLine(root);
        // Before the settings below: picocli applies them to the commands present when they are set.
        CommandTree.addTo(cl, args);
        // A brief command holds the store alone (StoreUse.BRIEF): its output waits until it has let the store go, so
        // that a reader slow to take it (`outbox list | less`) never keeps the other processes out of the store.
        ByteArrayOutputStream held = use == StoreUse.BRIEF ? new ByteArrayOutputStream() : null;
        cl.setOut(new PrintWriter(held != null ? held : out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, root, commandLine.getErr()));
        cl.setParameterExceptionHandler((ex, args2) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println(ex.getMessage());
            e.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.INVALID;
        });
        int code;
        try {
            code = cl.execute(args);
        } finally {
            root.closeServices();
            if (held != null) {
                cl.getOut().flush();
                out.write(held.toByteArray(), 0, held.size());
                out.flush();
            }
        }
        if (code == ExitCode.DONE && root.consoleRequested() && openConsole != null) {
            io.cockpit.smtp.core.store.DbLocation location;
            try {
                location = root.location();
            } catch (InvalidLocationException e) {
                err.println(e.field() + ": " + e.getMessage());
                return ExitCode.INVALID;
            }
            openConsole.accept(location);
        }
        return code;
    }

    static int handle(Exception ex, RootCommand root, PrintWriter err) {
        int code;
        if (ex instanceof CliException c) {
            err.println(c.getMessage());
            code = c.exitCode();
        } else if (ex instanceof ValidationException v) {
            for (FieldProblem p : v.problems()) {
                err.println(ProblemWords.sentence(p));
            }
            err.println("Nothing was changed.");
            code = ExitCode.INVALID;
        } else if (ex instanceof InvalidLocationException l) {
            err.println(l.field() + ": " + l.getMessage());
            err.println("Nothing was changed.");
            code = ExitCode.INVALID;
        } else if (ex instanceof NotPermittedException n) {
            err.println(PermissionWords.sentence(n));
            code = ExitCode.NOT_PERMITTED;
        } else if (ex instanceof DatabaseRolesException d) {
            err.println("The database refused to grant the role: " + d.getMessage() + ". The store's owner needs CREATEROLE"
                    + " (or the three group roles granted WITH ADMIN OPTION); see the README, Roles and users.");
            err.println("Nothing was changed.");
            code = ExitCode.FAILED;
        } else if (ex instanceof ConflictException c) {
            err.println(c.getMessage());
            code = ExitCode.CONFLICT;
        } else if (ex instanceof StoreException s) {
            err.println(s.getMessage());
            code = ExitCode.FAILED;
        } else if (ex instanceof SecretUnavailableException s) {
            err.println(s.getMessage());
            code = ExitCode.FAILED;
        } else if (ex instanceof StoreNotAnswering s) {
            err.println(s.getMessage());
            code = ExitCode.FAILED;
        } else if (ex instanceof StoreFailure s) {
            err.println(s.getMessage());
            code = ExitCode.FAILED;
        } else {
            err.println("Failed: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
            code = ExitCode.FAILED;
        }
        if (code == ExitCode.FAILED) {
            LOG.warn("command failed", ex);
        }
        if (root.verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
