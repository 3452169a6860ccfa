package io.cockpit.smtp.cli;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.access.Identity;
import io.cockpit.smtp.core.history.ChangeSource;
import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.core.store.StoreUse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store on a thread of its own as soon as a command line names a command, so that H2's start (a third of a
 * second of class loading on a cold JVM) runs on the second core while picocli builds its model on the first.
 * The command then takes the store already open, or opens it itself as before when the store it resolves is another.
 *
 * <p>Only for a store file that exists already: a command line that turns out to be wrong (a missing value, an
 * unknown option) must not create a store as a side effect. Whatever happens, the outcome and the output are those
 * of opening the store where the command asks for it: a failure to open is thrown there, in the same words.
 */
final class StorePrefetch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StorePrefetch.class);
    private static final List<String> NO_STORE = List.of("-h", "--help", "-V", "--version");

    private final DbLocation location;
    private final CompletableFuture<CoreServices> opening;
    private boolean taken;

    private StorePrefetch(DbLocation location, StoreUse use) {
        this.location = location;
        this.opening = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                opening.complete(CoreServices.open(location, ChangeSource.COMMAND, Identity.system(), use));
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        }, "cockpit-store-open");
        t.setDaemon(true);
        t.start();
    }

    /** Starts opening the store {@code args} name, or returns null when the line runs no command on an existing store. */
    static StorePrefetch startFor(String[] args, Map<String, String> env, StoreUse use) {
        List<CommandTree.Needed> needed = CommandTree.neededFor(args);
        if (needed.size() != 1 || needed.get(0).commands().size() > 1) {
            return null;
        }
        String db = null;
        String key = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (NO_STORE.contains(a)) {
                return null;
            } else if (a.equals("--db") && i + 1 < args.length) {
                db = args[++i];
            } else if (a.startsWith("--db=")) {
                db = a.substring("--db=".length());
            } else if (a.equals("--key-file") && i + 1 < args.length) {
                key = args[++i];
            } else if (a.startsWith("--key-file=")) {
                key = a.substring("--key-file=".length());
            }
        }
        try {
            DbLocation location = DbLocation.resolve(db, key, env);
            if (location.databaseFile() == null || !Files.isRegularFile(Path.of(location.display()))) {
                return null;
            }
            return new StorePrefetch(location, use);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The store opened for {@code wanted}, or null when it was opened for another location. */
    CoreServices take(DbLocation wanted) {
        if (!location.equals(wanted)) {
            return null;
        }
        taken = true;
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Closes a store opened for nothing (the command failed before it needed one, or wanted another). */
    @Override
    public void close() {
        if (!taken) {
            try {
                opening.join().close();
            } catch (RuntimeException e) {
                LOG.debug("the store opened in advance could not be opened or closed", e);
            }
        }
    }
}
