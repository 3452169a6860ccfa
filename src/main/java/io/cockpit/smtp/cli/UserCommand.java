package io.cockpit.smtp.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cockpit.smtp.core.access.Role;
import io.cockpit.smtp.core.access.StoreUser;
import io.cockpit.smtp.core.access.UserService;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.ValidationException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Its commands are added by {@link Cli} from {@link CommandTree}, only those a command line needs. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"Who may do what: administrator (every change), support (reads, previews and tries templates), "
                + "operator (sends manual and test emails, tests the saved gateway, retries messages).",
                "A user is the operating-system user on an H2 file, the database login on a PostgreSQL store; the one "
                        + "who creates a store is its administrator."})
public final class UserCommand {
    @ParentCommand RootCommand root;

    UserService users() {
        return root.services().users();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Everyone the store knows, with their role.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand UserCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "print a JSON array") boolean json;

        @Override
        public Integer call() throws Exception {
            List<StoreUser> users = parent.users().list();
            ListOutput.print(spec.commandLine().getOut(), json, users, u -> {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.put("name", u.name());
                o.put("role", u.role().cliName());
                return o;
            }, String.format("%-32s %s", "NAME", "ROLE"), u -> String.format("%-32s %s", u.name(), u.role().cliName()));
            return ExitCode.DONE;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Give a user a role (adding them when new). Administrators only.",
                    "On PostgreSQL the login must exist on the server; it is granted the store's group role of that role "
                            + "(DATABASE_administrator, _support or _operator) and loses the other two."})
    static final class Set implements Callable<Integer> {
        @ParentCommand UserCommand parent;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "an operating-system user (H2) or a database login (PostgreSQL)")
        String name;
        @Option(names = "--role", required = true, paramLabel = "administrator|support|operator") String role;

        @Override
        public Integer call() throws Exception {
            Role r = Role.fromCli(role).orElseThrow(() -> ValidationException.of("role", Problem.CHOICE_INVALID));
            Role before = parent.users().set(name, r);
            PrintWriter out = spec.commandLine().getOut();
            out.println(before == r ? name.strip() + " is already " + r.cliName() + "."
                    : name.strip() + " is now " + r.cliName() + (before == null ? "." : " (was " + before.cliName() + ")."));
            out.flush();
            return ExitCode.DONE;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Take a user's role away. Administrators only; the last administrator cannot be removed."})
    static final class Remove implements Callable<Integer> {
        @ParentCommand UserCommand parent;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() throws Exception {
            Role before = parent.users().remove(name);
            spec.commandLine().getOut().println(name.strip() + " no longer has a role (was " + before.cliName() + ").");
            spec.commandLine().getOut().flush();
            return ExitCode.DONE;
        }
    }
}
