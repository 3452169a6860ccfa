package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.testing.TestStore;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches of generated lines, good ones and ones broken in every way a JSON line can be wrong, from fixed seeds: the
 * reader and the outbox's checks never throw, name every bad line and only those, and a good batch passes whole.
 */
class BatchFuzzTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] FLOWS = {"test", "ticket-notification", "password-reset", "feedback"};
    static final Object[] WRONG_TYPES = {7, 3.5, true, false, List.of("x"), List.of(), Map.of("a", "b"), Map.of()};

    @TempDir
    Path dir;

    record Line(String text, boolean bad) {
    }

    /** A message every check accepts, with optional fields present, absent or null at random. */
    static Map<String, Object> good(Random r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("flow", FLOWS[r.nextInt(FLOWS.length)]);
        List<String> to = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
            to.add(pick(r, "a", "b.c", "\u00e9l\u00e8ve", "x+y") + i + "@" + pick(r, "example.org", "b\u00fccher.de"));
        }
        m.put("to", r.nextInt(4) == 0 ? to.get(0) : to);
        maybe(r, m, "lang", pick(r, "fr", "en", "pt-BR"));
        maybe(r, m, "audience", pick(r, "user", "operator"));
        maybe(r, m, "subject", pick(r, "Hello", "Caf\u00e9 \u2615", "a\tb"));
        maybe(r, m, "body", pick(r, "Body", "", "line\nline", "\u0000 is fine in a body"));
        Map<String, Object> vars = new LinkedHashMap<>();
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
            vars.put("V" + i, r.nextBoolean() ? "value " + i : (Object) (r.nextBoolean() ? i : r.nextBoolean()));
        }
        if (!vars.isEmpty() || r.nextBoolean()) {
            m.put("vars", vars);
        }
        maybe(r, m, "engine", "local");
        return m;
    }

    static void maybe(Random r, Map<String, Object> m, String key, Object value) {
        switch (r.nextInt(3)) {
            case 0 -> m.put(key, value);
            case 1 -> m.put(key, null); // null: not given
            default -> { } // absent
        }
    }

    static String pick(Random r, String... choices) {
        return choices[r.nextInt(choices.length)];
    }

    /** Each breaks a good message in one way; every one of them must be refused. */
    static final List<BiConsumer<Map<String, Object>, Random>> BREAKS = List.of(
            (m, r) -> m.put(pick(r, "flow", "lang", "audience", "subject", "body", "engine"), wrongType(r)),
            (m, r) -> m.put("flow", null),
            (m, r) -> m.remove("to"),
            (m, r) -> m.put("to", wrongType(r) instanceof List<?> ? List.of(7) : wrongType(r)),
            (m, r) -> m.put("to", listWith(r, null)),
            (m, r) -> m.put("to", listWith(r, Map.of())),
            (m, r) -> m.put("to", List.of()),
            (m, r) -> m.put("to", List.of(pick(r, "no-at-sign", "a@b@", "a\u202e@example.org", "a\u200b@example.org",
                    "a@example.org\r\nRCPT TO:<x@y.org>", "x".repeat(400) + "@example.org"))),
            (m, r) -> m.put("vars", pick(r, "X=1", "[]") .equals("[]") ? List.of() : "X=1"),
            (m, r) -> m.put("vars", Map.of("X", List.of(1))),
            (m, r) -> m.put("vars", nullValue()),
            (m, r) -> m.put("vars", Map.of("lower", "x")),
            (m, r) -> m.put(pick(r, "subjet", "To", "", "vars2", "\u0000"), "x"),
            (m, r) -> m.put("flow", pick(r, "newsletter", "", "TEST")),
            (m, r) -> m.put("lang", pick(r, "french", "f", "fr_FR")),
            (m, r) -> m.put("audience", pick(r, "everyone", "")),
            (m, r) -> m.put("engine", pick(r, "nobody", "x".repeat(100))),
            (m, r) -> m.put("subject", "s".repeat(901)),
            (m, r) -> m.put("subject", " \r\n\t "),
            (m, r) -> m.put("body", "b".repeat(1_000_001)));

    static Object wrongType(Random r) {
        return WRONG_TYPES[r.nextInt(WRONG_TYPES.length)];
    }

    static List<Object> listWith(Random r, Object odd) {
        List<Object> l = new ArrayList<>(List.of("a@example.org"));
        l.add(r.nextInt(2), odd);
        return l;
    }

    static Map<String, Object> nullValue() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("X", null);
        return m;
    }

    /** Texts that are no message at all. */
    static String notAMessage(Random r, String good) {
        return switch (r.nextInt(8)) {
            case 0 -> "[" + good + "]";
            case 1 -> good.substring(0, r.nextInt(good.length() - 1) + 1);
            case 2 -> good + " " + good;
            case 3 -> pick(r, "null", "42", "\"text\"", "true", "[]", "{", "}", "{]", "\u00ff\u00fe");
            case 4 -> good.replaceFirst("\\{", "{\"flow\": \"test\", ");
            case 5 -> good.replace("\"", "'");
            case 6 -> "{\"flow\": " + "[".repeat(200) + "]".repeat(200) + "}";
            default -> good.replaceFirst(":", "");
        };
    }

    static Line line(Random r) throws Exception {
        Map<String, Object> m = good(r);
        int kind = r.nextInt(10);
        if (kind < 5) {
            return new Line(JSON.writeValueAsString(m), false);
        }
        if (kind < 9) {
            BREAKS.get(r.nextInt(BREAKS.size())).accept(m, r);
            return new Line(JSON.writeValueAsString(m), true);
        }
        return new Line(notAMessage(r, JSON.writeValueAsString(m)), true);
    }

    @Test
    void generatedBatchesNeverThrowAndNameExactlyTheBadLines() throws Exception {
        try (CoreServices s = TestStore.open(dir)) {
            for (long seed = 1; seed <= 400; seed++) {
                Random r = new Random(seed);
                StringBuilder text = new StringBuilder();
                Set<Integer> bad = new TreeSet<>();
                int n = 1 + r.nextInt(12);
                for (int i = 1; i <= n; i++) {
                    Line l = line(r);
                    text.append(l.text()).append(r.nextInt(5) == 0 ? "\r\n" : "\n");
                    if (l.bad()) {
                        bad.add(i);
                    }
                }
                BatchReader.Result read = BatchReader.read(new StringReader(text.toString()));
                List<FieldProblem> problems = new ArrayList<>(read.problems());
                List<Integer> lines = read.lines();
                problems.addAll(s.outbox().checkAll(read.messages(), i -> "line " + lines.get(i) + ": "));
                Set<Integer> named = new TreeSet<>();
                for (FieldProblem p : problems) {
                    assertTrue(p.field().matches("line \\d+(: .+)?"), "seed " + seed + ": " + p);
                    named.add(Integer.parseInt(p.field().replaceAll("line (\\d+).*", "$1")));
                }
                assertEquals(bad, named, "seed " + seed + "\n" + text + "\n" + problems);
            }
        }
    }

    @Test
    void throughTheCommandABadBatchExitsTwoAndStoresNothing() throws Exception {
        for (long seed = 1000; seed < 1010; seed++) {
            Random r = new Random(seed);
            StringBuilder text = new StringBuilder();
            boolean anyBad = false;
            for (int i = 0; i < 8; i++) {
                Line l = line(r);
                anyBad |= l.bad();
                text.append(l.text()).append('\n');
            }
            if (!anyBad) {
                continue;
            }
            CliRun run = CliRun.run(dir, text.toString(), "send", "--batch", "-");
            assertEquals(2, run.code(), "seed " + seed + ": " + run.err());
            assertFalse(run.err().contains("Exception") || run.err().contains("Failed"), run.err());
            assertEquals("[]", CliRun.run(dir, null, "outbox", "list", "--json").out().trim());
        }
    }
}
