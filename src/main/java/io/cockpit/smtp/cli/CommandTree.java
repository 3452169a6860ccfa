package io.cockpit.smtp.cli;

import io.cockpit.smtp.core.store.StoreUse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * The commands, and which of them one command line needs. picocli builds the model of every command it is given by
 * reflection (about a quarter of a second for the whole tree of some thirty classes), so a command line gets the
 * commands it names only: {@code gateway show} gets the root, {@code gateway} and {@code show}. Where picocli may
 * print or suggest a list of commands (help, an unknown word, an option it does not know yet), that level gets
 * them all, in the order the help lists them, so every output is the same as with the whole tree.
 */
final class CommandTree {
    /** A command and its own commands (none for a leaf), in help order. */
    record Node(Class<?> type, Map<String, Class<?>> commands) {
    }

    /** What a command line needs: the root's commands to add, each with the sub-commands to add to it. */
    record Needed(Class<?> type, List<Class<?>> commands) {
    }

    /** The commands' names, in the order the help lists them. */
    static final List<String> NAMES = List.of("gateway", "config", "format", "template", "send", "outbox", "engine",
            "store", "user");

    /**
     * The commands that keep the store open while they wait on the network, on another engine or on a person, or that
     * may run long: they serve an H2 file to the other processes meanwhile.
     */
    private static final Set<Class<?>> LASTING = Set.of(EngineCommand.Run.class, EngineCommand.Test.class,
            GatewayDiagnosisCommands.Check.class, GatewayDiagnosisCommands.Test.class, GatewayAuthorizeCommand.class,
            StoreCommand.Copy.class);

    private CommandTree() {
    }

    /**
     * The command called {@code name} with its own commands, or null. A switch rather than a map of every command:
     * a class named in a branch is loaded only when that branch runs, so a command line loads its own command
     * classes, not the forty others.
     */
    static Node node(String name) {
        return switch (name) {
            case "gateway" -> group(GatewayCommand.class, "show", GatewayCommand.Show.class, "set", GatewayCommand.Set.class,
                    "authorize", GatewayAuthorizeCommand.class, "check", GatewayDiagnosisCommands.Check.class,
                    "test", GatewayDiagnosisCommands.Test.class);
            case "config" -> group(ConfigCommand.class, "export", ConfigCommand.Export.class, "import",
                    ConfigCommand.Import.class, "history", ConfigCommand.History.class, "rotate-key",
                    ConfigCommand.RotateKey.class);
            case "format" -> group(FormatCommand.class, "show", FormatCommand.Show.class, "set", FormatCommand.Set.class);
            case "template" -> group(TemplateCommand.class, "variables", TemplateCommand.Variables.class,
                    "set", TemplateCommand.Set.class, "clear", TemplateCommand.Clear.class,
                    "preview", TemplateCommand.Preview.class);
            case "send" -> group(SendCommand.class);
            case "outbox" -> group(OutboxCommand.class, "list", OutboxCommand.ListMessages.class, "show",
                    OutboxCommand.Show.class, "retry", OutboxCommand.Retry.class, "purge", OutboxCommand.Purge.class);
            case "engine" -> group(EngineCommand.class, "run", EngineCommand.Run.class, "list",
                    EngineCommand.ListEngines.class, "add", EngineCommand.Add.class, "show", EngineCommand.Show.class,
                    "set", EngineCommand.Set.class, "test", EngineCommand.Test.class);
            case "store" -> group(StoreCommand.class, "show", StoreCommand.Show.class, "copy", StoreCommand.Copy.class);
            case "user" -> group(UserCommand.class, "list", UserCommand.ListUsers.class, "set", UserCommand.Set.class,
                    "remove", UserCommand.Remove.class);
            default -> null;
        };
    }

    private static Node group(Class<?> type, Object... namesAndTypes) {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            commands.put((String) namesAndTypes[i], (Class<?>) namesAndTypes[i + 1]);
        }
        return new Node(type, commands);
    }

    /** The commands to add to the root for {@code args}, in help order, each with the sub-commands it needs. */
    static List<Needed> neededFor(String[] args) {
        int i = skipRootOptions(args, 0);
        if (i < 0) {
            return all();
        }
        if (i >= args.length) {
            // No command: the console or --version, neither of which lists the commands.
            return List.of();
        }
        Node named = node(args[i]);
        if (named == null) {
            return all();
        }
        return List.of(new Needed(named.type(), subcommandsFor(named, args, i + 1)));
    }

    /** Whether {@code args} names one command that talks to the mail server at once ({@code gateway check|test}). */
    static boolean talksToMailServer(String[] args) {
        List<Needed> needed = neededFor(args);
        if (needed.size() != 1 || needed.get(0).commands().size() != 1) {
            return false;
        }
        Class<?> leaf = needed.get(0).commands().get(0);
        return leaf == GatewayDiagnosisCommands.Check.class || leaf == GatewayDiagnosisCommands.Test.class;
    }

    /**
     * How long the command {@code args} names keeps the store: {@link StoreUse#BRIEF} for one that ends in moments,
     * {@link StoreUse#LASTING} for the long ones and for any that reads standard input (a batch, a password typed by
     * a person), which may take as long as the input does.
     */
    static StoreUse storeUseFor(String[] args) {
        for (String a : args) {
            if (a.equals("-") || a.endsWith("-stdin") || a.equals("--batch") || a.startsWith("--batch=")) {
                return StoreUse.LASTING;
            }
        }
        List<Needed> needed = neededFor(args);
        if (needed.size() != 1) {
            return StoreUse.LASTING;
        }
        Needed command = needed.get(0);
        Class<?> leaf = command.commands().isEmpty() ? command.type()
                : command.commands().size() == 1 ? command.commands().get(0) : null;
        return leaf == null || LASTING.contains(leaf) ? StoreUse.LASTING : StoreUse.BRIEF;
    }

    private static List<Class<?>> subcommandsFor(Node group, String[] args, int from) {
        if (group.commands().isEmpty()) {
            return List.of();
        }
        // The root's options may follow a command too (they are inherited): skipped the same way.
        int i = skipRootOptions(args, from);
        Class<?> named = i >= 0 && i < args.length ? group.commands().get(args[i]) : null;
        return named != null ? List.of(named) : List.copyOf(group.commands().values());
    }

    /** The index of the first word that is not one of the root's options; -1 at any other option. */
    private static int skipRootOptions(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--db") || a.equals("--key-file")) {
                i++;
            } else if (a.startsWith("--db=") || a.startsWith("--key-file=") || a.equals("--verbose")
                    || a.equals("--version") || a.equals("-V")) {
                continue;
            } else if (a.startsWith("-")) {
                return -1;
            } else {
                return i;
            }
        }
        return args.length;
    }

    /** Adds to {@code root} the commands {@code args} needs (every command for help or an unknown word). */
    static void addTo(CommandLine root, String[] args) {
        for (Needed command : neededFor(args)) {
            CommandLine sub = new CommandLine(command.type());
            for (Class<?> leaf : command.commands()) {
                sub.addSubcommand(leaf);
            }
            root.addSubcommand(sub);
        }
    }

    /** The whole tree, as {@code --help} shows it (the command-line reference is made from it). */
    static CommandLine whole(Object root) {
        CommandLine cl = new CommandLine(root);
        addTo(cl, new String[] {"--help"});
        return cl;
    }

    private static List<Needed> all() {
        return NAMES.stream().map(CommandTree::node).map(n -> new Needed(n.type(), List.copyOf(n.commands().values())))
                .toList();
    }
}
