package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.Launcher;
import io.cockpit.smtp.testing.ChildJvm;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed batch line ends in exit 2 naming its line and field, with nothing stored; input is bounded. */
class BatchInputTest {
    static final String GOOD = "{\"flow\": \"test\", \"to\": [\"a@example.org\"]}";

    @TempDir
    Path dir;

    CliRun batch(String text) {
        return CliRun.run(dir, text, "send", "--batch", "-");
    }

    void assertRefused(CliRun r, String expected) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
        assertEquals("[]", CliRun.run(dir, null, "outbox", "list", "--json").out().trim(), "nothing stored");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            {"flow": "test", "to": [null]}                                    | line 2: to: must be a JSON array
            {"flow": "test", "to": [1]}                                       | line 2: to: must be a JSON array
            {"flow": "test", "to": {"a": "b"}}                                | line 2: to: must be a JSON array
            {"flow": null, "to": ["a@example.org"]}                           | line 2: flow: is required
            {"flow": 7, "to": ["a@example.org"]}                              | line 2: flow: must be a JSON string
            {"flow": "test", "to": "a@example.org", "lang": 5}                | line 2: lang: must be a JSON string
            {"flow": "test", "to": "a@example.org", "subject": ["x"]}         | line 2: subject: must be a JSON string
            {"flow": "test", "to": "a@example.org", "body": {"x": 1}}         | line 2: body: must be a JSON string
            {"flow": "test", "to": "a@example.org", "engine": true}           | line 2: engine: must be a JSON string
            {"flow": "test", "to": "a@example.org", "vars": {"X": null}}      | line 2: vars.X: must be a JSON string
            {"flow": "test", "to": "a@example.org", "vars": {"X": [1]}}       | line 2: vars.X: must be a JSON string
            {"flow": "test", "to": "a@example.org", "vars": [1]}              | line 2: vars: must be a JSON object
            {"flow": "test", "to": "a@example.org", "vars": "X=1"}            | line 2: vars: must be a JSON object
            {"flow": "test", "to": "a@example.org", "subjet": "x"}            | line 2: subjet: is not a field of a message
            {"flow": "test", "flow": "test", "to": "a@example.org"}           | line 2: is not a JSON object
            {"flow": "test", "to": "a@example.org"} {"flow": "test"}          | line 2: is not a JSON object
            [{"flow": "test", "to": "a@example.org"}]                         | line 2: is not a JSON object
            "a@example.org"                                                   | line 2: is not a JSON object
            null                                                              | line 2: is not a JSON object
            {"flow": "test", "to": "a@example.org"                            | line 2: is not a JSON object
            """)
    void aMalformedLineIsNamedWithItsField(String line, String expected) {
        assertRefused(batch(GOOD + "\n" + line + "\n"), expected);
    }

    @Test
    void aReportSubjectLongerThanItsColumnIsRefusedNotAStoreFailure() {
        String name = "R".repeat(5000);
        assertRefused(batch(GOOD + "\n{\"flow\": \"report-notification\", \"to\": \"a@example.org\", \"lang\": \"en\","
                + " \"vars\": {\"REPORT_NAME\": \"" + name + "\"}}\n"), "line 2: var: is too long");
    }

    @Test
    void variablesLargerThanTheirColumnTogetherAreRefused() {
        StringBuilder vars = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            // Quotes: each value is within its own limit, but twice as long once stored as JSON.
            vars.append(i == 0 ? "" : ", ").append("\"V").append(i).append("\": \"").append("\\\"".repeat(6000)).append('"');
        }
        assertRefused(batch(GOOD + "\n{\"flow\": \"test\", \"to\": \"a@example.org\", \"vars\": {" + vars + "}}\n"),
                "line 2: var: is too long");
    }

    @Test
    void everyBadLineIsNamedAtOnce() {
        CliRun r = batch(GOOD + "\n[1]\n" + GOOD + "\n{\"flow\": \"test\", \"to\": [null]}\n");
        assertRefused(r, "line 2: is not a JSON object");
        assertTrue(r.err().contains("line 4: to:"), r.err());
        assertTrue(!r.err().contains("line 1") && !r.err().contains("line 3"), r.err());
    }

    @Test
    void aGigabyteLineDoesNotTakeTheProcessDown() throws Exception {
        // The command in its own JVM with a small heap, fed one line of a gigabyte generated on the fly.
        Process p = ChildJvm.startWithInput(List.of("-Xmx128m"), Launcher.class, dir.resolve("child.log"),
                "--db", dir.resolve("cockpit").toString(), "--key-file", dir.resolve("k").toString(),
                "send", "--batch", "-");
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'a');
        try (OutputStream in = p.getOutputStream()) {
            in.write((GOOD + "\n{\"flow\": \"test\", \"to\": \"a@example.org\", \"body\": \"").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 1024; i++) {
                in.write(chunk);
            }
            in.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException closedEarly) {
            // the command may stop reading once it knows the batch is refused
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command ends");
        String err = Files.readString(dir.resolve("child.log"));
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.contains("line 2: is longer than"), err);
    }
}
