package io.cockpit.smtp.core.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cockpit.smtp.core.format.EmailFormat;
import io.cockpit.smtp.core.format.FormatJson;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayJson;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The keys an import file may hold: exactly those an export writes, taken from the export itself so that the two never
 * drift apart. Any other key is refused by its dotted path ({@code gateway.sever}): ignored, a typo would silently
 * leave the stored value in place.
 */
final class ImportKeys {
    /** Objects whose keys are data (a language code each), not names this program knows. */
    private static final Set<String> FREE_KEYS = Set.of("format.reportSubjectTemplates");

    private ImportKeys() {
    }

    static List<FieldProblem> unknown(JsonNode file) {
        ObjectNode known = JsonNodeFactory.instance.objectNode();
        known.put("exportVersion", 1);
        known.set("gateway", GatewayJson.export(GatewayConfig.defaults(GatewayConfig.PORTAL)));
        ObjectNode format = FormatJson.show(EmailFormat.defaults());
        format.remove("version");
        known.set("format", format);
        List<FieldProblem> out = new ArrayList<>();
        collect(file, known, "", out);
        return out;
    }

    private static void collect(JsonNode given, JsonNode known, String prefix, List<FieldProblem> out) {
        for (Iterator<String> names = given.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String path = prefix + name;
            JsonNode k = known.get(name);
            if (k == null) {
                out.add(FieldProblem.error(path, Problem.UNKNOWN_KEY));
            } else if (k.isObject() && given.get(name).isObject() && !FREE_KEYS.contains(path)) {
                collect(given.get(name), k, path + ".", out);
            }
        }
    }
}
