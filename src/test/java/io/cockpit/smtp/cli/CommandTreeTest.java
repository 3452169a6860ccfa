package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.store.StoreUse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A command line gets the tree of the command it names; help and unknown words still see every command. */
class CommandTreeTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gateway show                          | gateway",
            "--db /tmp/x gateway show --json       | gateway",
            "--db=/tmp/x --verbose send --to a@b.c | send",
            "--key-file k engine run               | engine",
            "--db outbox format show               | format",
            "--version                             | ''",
            "''                                    | ''",
            "--help                                | gateway config format template send outbox engine store user",
            "nosuchcommand                         | gateway config format template send outbox engine store user",
            "--unknown gateway                     | gateway config format template send outbox engine store user",
    })
    void theTreeBuiltIsTheNamedCommandsOrAllWhenTheListMayBePrinted(String line, String expected) {
        String[] args = line.isBlank() ? new String[0] : line.trim().split(" +");
        List<String> names = CommandTree.neededFor(args).stream().map(n -> name(n.type())).toList();
        assertEquals(expected.isBlank() ? List.of() : List.of(expected.trim().split(" ")), names);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gateway show                  | show",
            "gateway --db x test --to a@b  | test",
            "gateway --help                | show set authorize check test",
            "gateway                       | show set authorize check test",
            "gateway sho                   | show set authorize check test",
            "config rotate-key             | rotate-key",
            "send --to a@b.c               | ''",
    })
    void aGroupGetsTheNamedSubcommandOrAllWhenTheListMayBePrinted(String line, String expected) {
        List<CommandTree.Needed> needed = CommandTree.neededFor(line.trim().split(" +"));
        assertEquals(1, needed.size());
        List<String> names = needed.get(0).commands().stream().map(CommandTreeTest::name).toList();
        assertEquals(expected.isBlank() ? List.of() : List.of(expected.trim().split(" ")), names);
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(picocli.CommandLine.Command.class).name();
    }

    @Test
    void theRootHelpStillListsEveryCommandInOrder() {
        CliRun r = CliRun.run(dir, null, "--help");
        assertEquals(0, r.code(), r.err());
        int last = -1;
        for (String name : CommandTree.NAMES) {
            int at = r.out().indexOf("\n  " + name + " ");
            assertTrue(at > last, name + " listed after the previous one in:\n" + r.out());
            last = at;
        }
    }

    @Test
    void optionsOfTheRootReachTheNamedCommand() {
        CliRun r = CliRun.run(dir, null, "gateway", "show", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("portal", r.json().path("name").asText(r.out()));
    }

    @Test
    void onlyTheCommandsThatTalkToTheMailServerWarmItsClassesUp() {
        assertTrue(CommandTree.talksToMailServer(new String[] {"gateway", "test", "--to", "a@example.org"}));
        assertTrue(CommandTree.talksToMailServer(new String[] {"--db", "x", "gateway", "check"}));
        assertFalse(CommandTree.talksToMailServer(new String[] {"gateway", "show"}));
        assertFalse(CommandTree.talksToMailServer(new String[] {"gateway", "--help"}));
        assertFalse(CommandTree.talksToMailServer(new String[] {"send", "--flow", "test"}));
        assertFalse(CommandTree.talksToMailServer(new String[] {}));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gateway show --json                        | BRIEF",
            "--db /tmp/x send --flow feedback --to a@b.c | BRIEF",
            "outbox list                                | BRIEF",
            "config export                              | BRIEF",
            "engine run --once                          | LASTING",
            "engine test lyon                           | LASTING",
            "gateway test --to a@b.c                    | LASTING",
            "gateway check                              | LASTING",
            "gateway authorize                          | LASTING",
            "store copy --to jdbc:postgresql://h/db     | LASTING",
            "send --batch -                             | LASTING",
            "send --batch=messages.jsonl                | LASTING",
            "gateway set --password-stdin               | LASTING",
            "config import -                            | LASTING",
            "gateway                                    | LASTING",
            "--help                                     | LASTING",
    })
    void onlyACommandThatEndsInMomentsHoldsTheStoreBriefly(String line, StoreUse expected) {
        assertEquals(expected, CommandTree.storeUseFor(line.trim().split(" +")));
    }

    @Test
    void everyNamedCommandHasItsNode() {
        for (String name : CommandTree.NAMES) {
            assertEquals(name, name(CommandTree.node(name).type()));
        }
    }
}
