package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/cli.md carries the usage of every command as picocli prints it, so the reference cannot drift from the
 * program: this test fails when the committed page differs from the commands' own help, and rewrites the page's
 * usage part when run with {@value #WRITE}=true (the text around it is written by hand and left alone).
 */
class CliReferenceTest {
    static final String WRITE = "cli.reference.write";
    static final String REGENERATE = "mvn -B -o test -Dtest=CliReferenceTest -D" + WRITE + "=true";
    static final Path PAGE = Path.of("docs", "cli.md");
    static final String BEGIN = "<!-- usage: generated from the commands' help by CliReferenceTest; regenerate with\n     "
            + REGENERATE + " -->";
    static final String END = "<!-- end of generated usage -->";
    /** Wide enough for the options' descriptions, narrow enough to read on GitHub without scrolling. */
    static final int WIDTH = 100;

    @Test
    void theReferencePageShowsEveryCommandsCurrentHelp() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        assertTrue(begin >= 0 && end > begin, PAGE + " must hold the usage part between the lines\n" + BEGIN + "\nand\n" + END);
        String committed = page.substring(begin, end + END.length());
        String current = BEGIN + "\n\n" + usageOfEveryCommand() + END;
        if (committed.equals(current)) {
            return;
        }
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(PAGE, page.substring(0, begin) + current + page.substring(end + END.length()),
                    StandardCharsets.UTF_8);
            return;
        }
        fail(PAGE + " is out of date with the commands' help (" + firstDifference(committed, current)
                + ").\nRegenerate it with\n    " + REGENERATE + "\nthen review and commit " + PAGE + ".");
    }

    /** Every command and subcommand, depth first in the order the help lists them, each under its own heading. */
    static String usageOfEveryCommand() {
        CommandLine root = CommandTree.whole(new RootCommand());
        // The terminal's width must not change the page.
        root.setUsageHelpAutoWidth(false);
        root.setUsageHelpWidth(WIDTH);
        StringBuilder out = new StringBuilder();
        append(root, out);
        return out.toString();
    }

    private static void append(CommandLine command, StringBuilder out) {
        out.append("### `").append(command.getCommandSpec().qualifiedName()).append("`\n\n```text\n");
        command.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing().lines()
                .forEach(line -> out.append(line.stripTrailing()).append('\n'));
        out.append("```\n\n");
        command.getSubcommands().values().forEach(sub -> append(sub, out));
    }

    private static String firstDifference(String committed, String current) {
        List<String> a = committed.lines().toList();
        List<String> b = current.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "(nothing)";
            String y = i < b.size() ? b.get(i) : "(nothing)";
            if (!x.equals(y)) {
                return "in the usage part, the page has \"" + x + "\" where the help says \"" + y + "\"";
            }
        }
        return "line endings differ";
    }
}
