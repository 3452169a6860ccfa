package io.cockpit.smtp.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    static final Map<String, Node> COMMANDS = commands();

    private CommandTree() {
    }

    private static Map<String, Node> commands() {
        Map<String, Node> m = new LinkedHashMap<>();
        m.put("gateway", group(GatewayCommand.class, "show", GatewayCommand.Show.class, "set", GatewayCommand.Set.class,
                "authorize", GatewayAuthorizeCommand.class, "check", GatewayDiagnosisCommands.Check.class,
                "test", GatewayDiagnosisCommands.Test.class));
        m.put("config", group(ConfigCommand.class, "export", ConfigCommand.Export.class, "import", ConfigCommand.Import.class,
                "history", ConfigCommand.History.class, "rotate-key", ConfigCommand.RotateKey.class));
        m.put("format", group(FormatCommand.class, "show", FormatCommand.Show.class, "set", FormatCommand.Set.class));
        m.put("template", group(TemplateCommand.class, "variables", TemplateCommand.Variables.class,
                "set", TemplateCommand.Set.class, "clear", TemplateCommand.Clear.class,
                "preview", TemplateCommand.Preview.class));
        m.put("send", group(SendCommand.class));
        m.put("outbox", group(OutboxCommand.class, "list", OutboxCommand.ListMessages.class, "show", OutboxCommand.Show.class,
                "retry", OutboxCommand.Retry.class, "purge", OutboxCommand.Purge.class));
        m.put("engine", group(EngineCommand.class, "run", EngineCommand.Run.class, "list", EngineCommand.ListEngines.class,
                "add", EngineCommand.Add.class, "show", EngineCommand.Show.class, "set", EngineCommand.Set.class,
                "test", EngineCommand.Test.class));
        m.put("store", group(StoreCommand.class, "show", StoreCommand.Show.class, "copy", StoreCommand.Copy.class));
        m.put("user", group(UserCommand.class, "list", UserCommand.ListUsers.class, "set", UserCommand.Set.class,
                "remove", UserCommand.Remove.class));
        return m;
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
        Node named = COMMANDS.get(args[i]);
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
        return COMMANDS.values().stream().map(n -> new Needed(n.type(), List.copyOf(n.commands().values()))).toList();
    }
}
