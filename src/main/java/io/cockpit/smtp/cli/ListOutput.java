package io.cockpit.smtp.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** How a list command prints: one JSON array with --json, else a header line and one line per item. */
final class ListOutput {
    private ListOutput() {
    }

    static <T> void print(PrintWriter out, boolean json, List<T> items, Function<T, JsonNode> toJson,
                          String header, Function<T, String> line) throws JsonProcessingException {
        if (json) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            items.forEach(i -> a.add(toJson.apply(i)));
            out.println(OutboxJson.mapper().writeValueAsString(a));
        } else {
            out.println(header);
            items.forEach(i -> out.println(line.apply(i)));
        }
        out.flush();
    }
}
