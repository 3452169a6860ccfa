package io.cockpit.smtp.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cockpit.smtp.core.gateway.GatewayJson;
import io.cockpit.smtp.core.outbox.OutboxMessage;
import io.cockpit.smtp.core.outbox.Recipient;
import java.time.Instant;
import java.util.List;

/** The JSON objects of {@code outbox list} and {@code outbox show}; scripts read their keys, listed in docs/cli.md. */
final class OutboxJson {
    static ObjectMapper mapper() {
        return GatewayJson.mapper();
    }

    private OutboxJson() {
    }

    static ObjectNode summary(OutboxMessage m) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", m.id());
        o.put("flow", m.flow().cliName());
        ArrayNode to = o.putArray("to");
        m.to().forEach(to::add);
        o.put("subject", m.subject());
        o.put("status", m.status().cliName());
        o.put("attempts", m.attempts());
        o.put("nextAttemptAt", waiting(m) ? text(m.nextAttemptAt()) : null);
        o.put("lastError", m.lastError());
        o.put("createdAt", text(m.createdAt()));
        o.put("sentAt", text(m.sentAt()));
        o.put("engine", m.engine());
        o.put("lang", m.lang());
        o.put("audience", m.audience().cliName());
        return o;
    }

    static ObjectNode details(OutboxMessage m, List<String> headerLines) {
        ObjectNode o = summary(m);
        o.put("messageId", m.messageId());
        ObjectNode headers = o.putObject("headers");
        for (String line : headerLines) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 1).strip().replaceAll("\\r\\n[ \\t]+", " "));
            }
        }
        ArrayNode rcpt = o.putArray("recipients");
        for (Recipient r : m.recipients()) {
            ObjectNode ro = rcpt.addObject();
            ro.put("address", r.address());
            ro.put("status", r.status().cliName());
            ro.put("reply", r.reply());
        }
        ObjectNode vars = o.putObject("vars");
        m.vars().forEach(vars::put);
        return o;
    }

    private static boolean waiting(OutboxMessage m) {
        return switch (m.status()) {
            case QUEUED, DEFERRED -> true;
            default -> false;
        };
    }

    static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}
