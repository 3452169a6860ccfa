package io.cockpit.smtp.cli;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.access.Identity;
import io.cockpit.smtp.core.history.ChangeSource;
import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.core.store.StoreUse;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command; its commands are added by {@link Cli} from {@link CommandTree}, only those a command line needs. */
@Command(name = "cockpit-smtp",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Administration console for the cockpit SMTP gateway.",
                "Without a command it opens the console window."},
        usageHelpAutoWidth = true)
public final class RootCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "LOCATION", scope = ScopeType.INHERIT,
            description = "H2 database file path (without .mv.db) or a jdbc: URL (env COCKPIT_SMTP_DB; default ~/.cockpit-smtp/cockpit)")
    String db;

    @Option(names = "--key-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "key that encrypts stored secrets (env COCKPIT_SMTP_KEY_FILE; default cockpit-smtp.key beside the database)")
    String keyFile;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "print stack traces of failures")
    boolean verbose;

    private InputStream stdin = System.in;
    private Map<String, String> env = System.getenv();
    private CoreServices services;
    private StorePrefetch prefetch;
    private StoreUse storeUse = StoreUse.LASTING;
    private boolean consoleRequested;

    @Override
    public Integer call() {
        consoleRequested = true;
        return ExitCode.DONE;
    }

    boolean consoleRequested() {
        return consoleRequested;
    }

    public DbLocation location() {
        return DbLocation.resolve(db, keyFile, env);
    }

    /** The core services, opened on first use (so --help and --version never touch the store). */
    public CoreServices services() {
        if (services == null) {
            DbLocation location = location();
            services = prefetch != null ? prefetch.take(location) : null;
            if (services == null) {
                services = CoreServices.open(location, ChangeSource.COMMAND, Identity.system(), storeUse);
            }
        }
        return services;
    }

    /** How long the command keeps the store (see {@link CommandTree#storeUseFor}). */
    void storeUse(StoreUse use) {
        this.storeUse = use;
    }

    /** The store being opened in advance for this command line (see {@link StorePrefetch}). */
    void prefetch(StorePrefetch prefetch) {
        this.prefetch = prefetch;
    }

    void closeServices() {
        if (services != null) {
            services.close();
            services = null;
        }
        if (prefetch != null) {
            prefetch.close();
            prefetch = null;
        }
    }

    /** The environment the store's location and login are read from (tests give their own). */
    Map<String, String> env() {
        return env;
    }

    void env(Map<String, String> env) {
        this.env = env;
    }

    InputStream stdin() {
        return stdin;
    }

    void stdin(InputStream in) {
        this.stdin = in;
    }
}
