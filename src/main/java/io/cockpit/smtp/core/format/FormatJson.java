package io.cockpit.smtp.core.format;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cockpit.smtp.core.gateway.GatewayJson;
import io.cockpit.smtp.core.template.ReportCatalogue;
import io.cockpit.smtp.core.template.TemplateProblem;
import io.cockpit.smtp.core.template.TemplateVariable;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The email format as JSON: {@code format show}, {@code template variables} and {@code template preview}. */
public final class FormatJson {
    private FormatJson() {
    }

    /** Every language of the format is a key of {@code reportSubjectTemplates}; null means it falls back. */
    public static ObjectNode show(EmailFormat f) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("userUrl", f.userUrl());
        o.put("operatorUrl", f.operatorUrl());
        ArrayNode langs = o.putArray("languages");
        f.languages().forEach(langs::add);
        o.put("defaultLanguage", f.defaultLanguage());
        ObjectNode templates = o.putObject("reportSubjectTemplates");
        f.languages().forEach(l -> templates.put(l, f.reportSubjectTemplates().get(l)));
        o.put("version", f.version());
        return o;
    }

    /**
     * Reads an exported format over {@code base}: absent keys keep base's value; in reportSubjectTemplates a null or
     * absent language has no template of its own (it falls back).
     */
    public static EmailFormat read(com.fasterxml.jackson.databind.JsonNode o, EmailFormat base) {
        String user = o.has("userUrl") ? text(o.get("userUrl")) : base.userUrl();
        String operator = o.has("operatorUrl") ? text(o.get("operatorUrl")) : base.operatorUrl();
        List<String> languages = base.languages();
        if (o.has("languages") && o.get("languages").isArray()) {
            List<String> l = new java.util.ArrayList<>();
            o.get("languages").forEach(n -> l.add(n.asText()));
            languages = l;
        }
        String def = o.has("defaultLanguage") ? text(o.get("defaultLanguage")) : base.defaultLanguage();
        java.util.Map<String, String> templates = new java.util.LinkedHashMap<>(base.reportSubjectTemplates());
        com.fasterxml.jackson.databind.JsonNode t = o.get("reportSubjectTemplates");
        if (t != null && t.isObject()) {
            templates.clear();
            t.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    templates.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return new EmailFormat(user, operator, languages, def, templates, base.version());
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    /** {@code [{"name", "description", "descriptionFr", "samples": {lang: value}}]}. */
    public static ArrayNode variables(ReportCatalogue catalogue, List<String> languages) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (TemplateVariable v : catalogue.variables()) {
            ObjectNode o = out.addObject();
            o.put("name", v.name());
            o.put("description", v.description("en"));
            o.put("descriptionFr", v.description("fr"));
            ObjectNode samples = o.putObject("samples");
            languages.forEach(l -> samples.put(l, v.sample(l)));
        }
        return out;
    }

    /** @param message a problem in words (the CLI's English), without its column */
    public static ObjectNode preview(SubjectPreview p, Function<TemplateProblem, String> message) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("subject", p.subject());
        o.put("language", p.language());
        o.put("fallbackFrom", p.fallbackFrom());
        o.put("source", p.resolved().source().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        o.put("template", p.resolved().text());
        ArrayNode problems = o.putArray("problems");
        for (TemplateProblem t : p.problems()) {
            ObjectNode n = problems.addObject();
            n.put("severity", t.isError() ? "error" : "warning");
            n.put("column", t.column());
            n.put("message", message.apply(t));
            n.put("code", t.kind().name());
            n.put("name", t.name());
        }
        return o;
    }
}
