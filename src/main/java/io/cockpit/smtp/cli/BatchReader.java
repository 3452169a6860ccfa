package io.cockpit.smtp.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cockpit.smtp.core.outbox.NewMessage;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code send --batch}: one JSON object a line, each field checked for its JSON type, so that any malformed line
 * ends as a problem naming the line and the field, never as an exception. The input is streamed and bounded: a line
 * longer than {@link #MAX_LINE_CHARS} is skipped without being held in memory, and a batch larger than
 * {@link #MAX_MESSAGES} messages or {@link #MAX_BATCH_CHARS} characters is refused, so the whole batch (which is
 * stored in one transaction) always fits in memory.
 */
final class BatchReader {
    /** A body of 1,000,000 characters, with room for JSON escapes. */
    static final int MAX_LINE_CHARS = 8 * 1024 * 1024;
    static final int MAX_MESSAGES = 50_000;
    static final long MAX_BATCH_CHARS = 64L * 1024 * 1024;
    /** Past this many, the file is not worth reading further: it is refused anyway. */
    static final int MAX_PROBLEMS = 100;
    static final Set<String> FIELDS = Set.of("flow", "to", "lang", "audience", "subject", "body", "vars", "engine");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_LINE_CHARS).maxNestingDepth(64).build());
    }

    /** The messages read and the line number of each (from 1), or the problems found. */
    record Result(List<NewMessage> messages, List<Integer> lines, List<FieldProblem> problems, boolean truncated) {
    }

    private BatchReader() {
    }

    static Result read(Reader in) throws IOException {
        List<NewMessage> messages = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        BoundedLines source = new BoundedLines(in, MAX_LINE_CHARS);
        long total = 0;
        BoundedLines.Line line;
        while ((line = source.next()) != null) {
            if (problems.size() >= MAX_PROBLEMS) {
                return new Result(messages, lines, problems, true);
            }
            String label = "line " + line.number();
            if (line.tooLong()) {
                problems.add(FieldProblem.error(label, Problem.LINE_TOO_LONG));
                continue;
            }
            String text = line.number() == 1 && line.text().startsWith("\uFEFF") ? line.text().substring(1) : line.text();
            if (text.isBlank()) {
                continue;
            }
            total += text.length();
            if (messages.size() >= MAX_MESSAGES || total > MAX_BATCH_CHARS) {
                problems.add(FieldProblem.error("batch", Problem.BATCH_TOO_LARGE));
                return new Result(messages, lines, problems, true);
            }
            int before = problems.size();
            NewMessage m = parse(text, label + ": ", problems);
            if (problems.size() == before) {
                messages.add(m);
                lines.add(line.number());
            }
        }
        return new Result(messages, lines, problems, false);
    }

    /** One line as a message, or null with its problems added (each field prefixed by {@code prefix}). */
    static NewMessage parse(String text, String prefix, List<FieldProblem> problems) {
        JsonNode o;
        try (JsonParser p = JSON.createParser(text)) {
            o = JSON.readTree(p);
            if (o != null && p.nextToken() != null) {
                o = null; // something after the object: not one object a line
            }
        } catch (IOException | RuntimeException e) {
            o = null;
        }
        String line = prefix.substring(0, prefix.length() - 2);
        if (o == null || !o.isObject()) {
            problems.add(FieldProblem.error(line, Problem.JSON_INVALID));
            return null;
        }
        int before = problems.size();
        for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(FieldProblem.error(prefix + printable(name), Problem.UNKNOWN_FIELD));
            }
        }
        String flow = string(o, "flow", prefix, problems);
        List<String> to = recipients(o.get("to"), prefix, problems);
        String lang = string(o, "lang", prefix, problems);
        String audience = string(o, "audience", prefix, problems);
        String subject = string(o, "subject", prefix, problems);
        String body = string(o, "body", prefix, problems);
        Map<String, String> vars = vars(o.get("vars"), prefix, problems);
        String engine = string(o, "engine", prefix, problems);
        return problems.size() > before ? null : new NewMessage(flow, to, lang, audience, subject, body, vars, engine);
    }

    /** A string field; null or absent means not given. */
    private static String string(JsonNode o, String field, String prefix, List<FieldProblem> problems) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            problems.add(FieldProblem.error(prefix + field, Problem.NOT_A_STRING));
            return null;
        }
        return n.textValue();
    }

    /** "to": an array of strings, or one string. */
    private static List<String> recipients(JsonNode n, String prefix, List<FieldProblem> problems) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isTextual()) {
            out.add(n.textValue());
            return out;
        }
        if (!n.isArray()) {
            problems.add(FieldProblem.error(prefix + "to", Problem.NOT_A_LIST));
            return out;
        }
        for (JsonNode t : n) {
            if (!t.isTextual()) {
                problems.add(FieldProblem.error(prefix + "to", Problem.NOT_A_LIST));
                return out;
            }
            out.add(t.textValue());
        }
        return out;
    }

    /** "vars": an object whose values are strings (numbers and booleans are taken as their text). */
    private static Map<String, String> vars(JsonNode n, String prefix, List<FieldProblem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            problems.add(FieldProblem.error(prefix + "vars", Problem.NOT_AN_OBJECT));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isTextual() || v.isNumber() || v.isBoolean()) {
                out.put(e.getKey(), v.asText());
            } else {
                problems.add(FieldProblem.error(prefix + "vars." + printable(e.getKey()), Problem.NOT_A_STRING));
            }
        }
        return out;
    }

    /** A key from the file as it may be printed: one short line. */
    private static String printable(String key) {
        if (key.isEmpty()) {
            return "\"\"";
        }
        String k = key.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
        return k.length() > 64 ? k.substring(0, 64) + "…" : k;
    }
}
