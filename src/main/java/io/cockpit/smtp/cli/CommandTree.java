package io.cockpit.smtp.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The root's commands, and which of them one command line needs. picocli builds the model of every command it is
 * given by reflection (about a quarter of a second for the whole tree of some thirty classes), so a command line that
 * names a command gets that command's tree alone; only what can print or suggest the list of commands (help, an
 * unknown word, an unknown option) gets them all. What picocli prints is the same either way.
 */
final class CommandTree {
    /** In the order the root's help lists them. */
    static final Map<String, Class<?>> COMMANDS = commands();

    private CommandTree() {
    }

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("gateway", GatewayCommand.class);
        m.put("config", ConfigCommand.class);
        m.put("format", FormatCommand.class);
        m.put("template", TemplateCommand.class);
        m.put("send", SendCommand.class);
        m.put("outbox", OutboxCommand.class);
        m.put("engine", EngineCommand.class);
        return m;
    }

    /** The command classes to add to the root for {@code args}, in the root's order. */
    static List<Class<?>> neededFor(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--db") || a.equals("--key-file")) {
                i++;
            } else if (a.startsWith("--db=") || a.startsWith("--key-file=") || a.equals("--verbose")
                    || a.equals("--version") || a.equals("-V")) {
                continue;
            } else if (a.startsWith("-")) {
                return List.copyOf(COMMANDS.values());
            } else {
                Class<?> named = COMMANDS.get(a);
                return named == null ? List.copyOf(COMMANDS.values()) : List.of(named);
            }
        }
        // No command: the console or --version, neither of which lists the commands.
        return List.of();
    }
}
