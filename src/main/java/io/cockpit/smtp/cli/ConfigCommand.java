package io.cockpit.smtp.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cockpit.smtp.core.gateway.GatewayJson;
import io.cockpit.smtp.core.history.HistoryEntry;
import io.cockpit.smtp.core.store.ConflictException;
import io.cockpit.smtp.core.transfer.ConfigTransfer;
import io.cockpit.smtp.core.validation.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Its commands are added by {@link Cli} from {@link CommandTree}, only those a command line needs. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "The configuration as a whole.")
public final class ConfigCommand {
    @ParentCommand RootCommand root;

    @Command(name = "export", mixinStandardHelpOptions = true, description = "JSON of the whole configuration, secrets left out.")
    static final class Export implements Callable<Integer> {
        @ParentCommand ConfigCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--file", paramLabel = "FILE") Path file;

        @Override
        public Integer call() throws IOException {
            String text = parent.root.services().transfer().exportText();
            if (file != null) {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } else {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            }
            return ExitCode.DONE;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Validate the whole file, then apply all or nothing; a password absent from the file keeps the stored one.",
                    "An import that changes the server or port, turns security to none, or changes the OAuth token URL "
                            + "drops the stored secrets (password, client secret, refresh token) unless --keep-secrets "
                            + "is given. Keys that an export does not write are refused."})
    static final class Import implements Callable<Integer> {
        @ParentCommand ConfigCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--file", paramLabel = "FILE", required = true) Path file;
        @Option(names = "--dry-run", description = "print what would change") boolean dryRun;
        @Option(names = "--keep-secrets", description = "keep the stored secrets even when the import sends them "
                + "to another server or token URL, or in clear") boolean keepSecrets;

        @Override
        public Integer call() throws ValidationException, ConflictException {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliException.invalid("file", "cannot be read: " + file);
            }
            ConfigTransfer.ImportResult r = parent.root.services().transfer().importJson(text, dryRun, keepSecrets);
            PrintWriter out = spec.commandLine().getOut();
            for (HistoryEntry e : r.changes()) {
                out.printf("%s %s: %s -> %s%n", e.section(), e.field(), e.oldValue(), e.newValue());
            }
            if (!r.droppedSecrets().isEmpty()) {
                out.printf("Stored secrets %s because the import changes %s: %s. Enter them again, or import with "
                                + "--keep-secrets to keep them.%n", dryRun ? "would be dropped" : "dropped",
                        String.join(", ", r.dropCauses()), String.join(", ", r.droppedSecrets()));
            }
            out.println(r.changes().isEmpty() ? "Nothing to change."
                    : dryRun ? r.changes().size() + " change(s) would be applied (dry run: nothing changed)."
                    : r.changes().size() + " change(s) applied.");
            out.flush();
            return ExitCode.DONE;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "Every saved change: when, who, from where (screen, command or import), which field, old and new value.")
    static final class History implements Callable<Integer> {
        @ParentCommand ConfigCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--limit", defaultValue = "50") int limit;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() throws IOException {
            if (limit < 1) {
                throw CliException.invalid("limit", "must be a whole number of at least 1");
            }
            List<HistoryEntry> entries = parent.root.services().history().recent(limit);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                for (HistoryEntry e : entries) {
                    ObjectNode o = a.addObject();
                    o.put("changedAt", e.changedAt().toString());
                    o.put("user", e.osUser());
                    o.put("login", e.dbLogin());
                    o.put("source", e.source() == null ? null : e.source().cliName());
                    o.put("section", e.section());
                    o.put("field", e.field());
                    o.put("oldValue", e.oldValue());
                    o.put("newValue", e.newValue());
                }
                out.println(GatewayJson.mapper().writeValueAsString(a));
            } else {
                for (HistoryEntry e : entries) {
                    out.printf("%s  %-10s %-8s %-16s %-20s %s -> %s%n", e.changedAt(), e.who(),
                            e.source() == null ? "-" : e.source().cliName(), e.section(), e.field(),
                            e.oldValue() == null ? "-" : e.oldValue(), e.newValue() == null ? "-" : e.newValue());
                }
            }
            out.flush();
            return ExitCode.DONE;
        }
    }

    @Command(name = "rotate-key", mixinStandardHelpOptions = true, description = "Re-encrypt every stored secret under a new key file.")
    static final class RotateKey implements Callable<Integer> {
        @ParentCommand ConfigCommand parent;
        @Spec CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            int n = parent.root.services().keyRotation().rotate();
            spec.commandLine().getOut().println(n + " secret(s) re-encrypted under a new key file: "
                    + parent.root.services().secrets().keyFile());
            spec.commandLine().getOut().flush();
            return ExitCode.DONE;
        }
    }
}
