package io.cockpit.smtp.core.outbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A message's template variables as stored: one flat JSON object of strings, keys sorted. Written and read with
 * Jackson's streaming parser and generator, not a mapper: {@code send} is run once per message by portals, and an
 * ObjectMapper costs that command a tenth of a second of start-up for a map of strings.
 */
final class VariablesJson {
    private static final JsonFactory JSON = new JsonFactory();

    private VariablesJson() {
    }

    static String write(Map<String, String> vars) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, String> e : new TreeMap<>(vars).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Map<String, String> read(String json) {
        Map<String, String> vars = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("stored variables are unreadable: not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                JsonToken value = p.nextToken();
                vars.put(name, value == JsonToken.VALUE_NULL ? null : p.getValueAsString());
            }
        } catch (IOException e) {
            throw new IllegalStateException("stored variables are unreadable", e);
        }
        return vars;
    }
}
