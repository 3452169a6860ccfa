package io.cockpit.smtp.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.access.Caller;
import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.core.store.InvalidLocationException;
import io.cockpit.smtp.core.store.StoreCopy;
import io.cockpit.smtp.core.store.StoreDescription;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "store", mixinStandardHelpOptions = true, description = "Where the data lives.")
public final class StoreCommand {
    @ParentCommand RootCommand root;

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "The store in use: its kind (h2 or postgresql), location, schema version, user and role.")
    static final class Show implements Callable<Integer> {
        @ParentCommand StoreCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "print one JSON object") boolean json;

        @Override
        public Integer call() throws Exception {
            StoreDescription d = parent.root.services().database().describe();
            Caller caller = parent.root.services().access().caller();
            String role = caller.role() == null ? null : caller.role().cliName();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.put("kind", d.kind().cliName());
                o.put("location", d.location());
                o.put("schemaVersion", d.schemaVersion());
                o.put("user", caller.name());
                o.put("role", role);
                out.println(OutboxJson.mapper().writeValueAsString(o));
            } else {
                out.println("kind            " + d.kind().cliName());
                out.println("location        " + d.location());
                out.println("schema version  " + d.schemaVersion());
                out.println("user            " + caller.name());
                out.println("role            " + (role == null ? "none (an administrator gives one with user set)" : role));
            }
            out.flush();
            return ExitCode.DONE;
        }
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Copy everything (configuration, history, engines, outbox) into an empty store.",
                    "A store that already holds data is refused (exit 2). Stored secrets are copied encrypted: every "
                            + "process that uses the new store needs the same key file."})
    static final class Copy implements Callable<Integer> {
        @ParentCommand StoreCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--to", required = true, paramLabel = "LOCATION",
                description = "the new store: an H2 file path or a jdbc: URL (its login from COCKPIT_SMTP_DB_USER and "
                        + "COCKPIT_SMTP_DB_PASSWORD or the password file, as for --db)")
        String to;

        @Override
        public Integer call() throws Exception {
            RootCommand root = parent.root;
            DbLocation target;
            try {
                target = DbLocation.resolve(to, root.keyFile, root.env());
            } catch (InvalidLocationException e) {
                throw CliException.invalid("to", e.getMessage());
            }
            CoreServices services = root.services();
            if (target.jdbcUrl().equals(services.location().jdbcUrl())) {
                throw CliException.invalid("to", "the store in use itself (" + target.display() + ")");
            }
            List<StoreCopy.Copied> copied;
            try {
                copied = services.copyStoreTo(target);
            } catch (StoreCopy.TargetHoldsDataException e) {
                throw new CliException(ExitCode.INVALID, "to: " + e.getMessage() + "; copy into an empty store\n"
                        + "Nothing was changed.");
            }
            PrintWriter out = spec.commandLine().getOut();
            long total = copied.stream().mapToLong(StoreCopy.Copied::rows).sum();
            out.println("Copied " + total + " rows from " + services.location().display() + " to " + target.display() + ":");
            for (StoreCopy.Copied c : copied) {
                out.println(String.format("  %-26s %d", c.table(), c.rows()));
            }
            out.println("Stored secrets were copied encrypted with the key file " + services.location().keyFile()
                    + ": every process that uses the new store needs that same file (--key-file or COCKPIT_SMTP_KEY_FILE).");
            out.flush();
            return ExitCode.DONE;
        }
    }
}
