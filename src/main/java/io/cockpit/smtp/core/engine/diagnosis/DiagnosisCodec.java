package io.cockpit.smtp.core.engine.diagnosis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.mail.diagnosis.Capabilities;
import io.cockpit.smtp.core.mail.diagnosis.CertificateInfo;
import io.cockpit.smtp.core.mail.diagnosis.Detail;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisReport;
import io.cockpit.smtp.core.mail.diagnosis.Failure;
import io.cockpit.smtp.core.mail.diagnosis.Hint;
import io.cockpit.smtp.core.mail.diagnosis.Step;
import io.cockpit.smtp.core.mail.diagnosis.StepResult;
import io.cockpit.smtp.core.mail.diagnosis.TlsReport;
import io.cockpit.smtp.core.oauth.OAuthException;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A diagnosis report and its steps as JSON in the store, from the engine that ran it to the console that shows it. Codes,
 * never words: the console words them in its own language. Each value keeps its type (a code of {@link Failure} or
 * {@link Authentication}, a date, a nested fact), since the words depend on it. An engine of another version may
 * send a code this one does not know: such a fact or hint is left out, an unknown failure reads as a protocol error,
 * rather than the whole report being lost.
 */
final class DiagnosisCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The codes a fact may carry as a value, by the short name written beside them. */
    private static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.of(
            "failure", Failure.class, "auth", Authentication.class, "oauth", OAuthException.Reason.class);

    private DiagnosisCodec() {
    }

    static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a diagnosis record: " + e.getOriginalMessage(), e);
        }
    }

    // --- steps ---

    static ObjectNode step(StepResult s) {
        ObjectNode o = NODES.objectNode();
        o.put("step", s.step().name());
        o.put("ok", s.ok());
        o.put("millis", s.millis());
        o.put("failure", s.failure() == null ? null : s.failure().name());
        ArrayNode details = o.putArray("details");
        s.details().forEach(d -> details.add(detail(d)));
        return o;
    }

    /** Empty when the step is one this version does not know. */
    static Optional<StepResult> step(JsonNode o) {
        Optional<Step> step = enumValue(Step.class, o.path("step").asText());
        if (step.isEmpty()) {
            return Optional.empty();
        }
        List<Detail> details = new ArrayList<>();
        o.path("details").forEach(d -> detail(d).ifPresent(details::add));
        return Optional.of(new StepResult(step.get(), o.path("ok").asBoolean(), o.path("millis").asLong(), details,
                failure(o.get("failure"))));
    }

    static Optional<Step> stepName(String name) {
        return enumValue(Step.class, name);
    }

    private static ObjectNode detail(Detail d) {
        ObjectNode o = NODES.objectNode();
        o.put("code", d.code().name());
        ArrayNode args = o.putArray("args");
        d.args().forEach(a -> args.add(value(a)));
        return o;
    }

    private static Optional<Detail> detail(JsonNode o) {
        Optional<Detail.Code> code = enumValue(Detail.Code.class, o.path("code").asText());
        if (code.isEmpty()) {
            return Optional.empty();
        }
        List<Object> args = new ArrayList<>();
        for (JsonNode a : o.path("args")) {
            Object v = value(a);
            if (v == null) {
                return Optional.empty();
            }
            args.add(v);
        }
        return Optional.of(new Detail(code.get(), args));
    }

    private static JsonNode value(Object v) {
        ObjectNode o = NODES.objectNode();
        if (v instanceof Detail d) {
            o.set("detail", detail(d));
        } else if (v instanceof List<?> l) {
            ArrayNode items = o.putArray("list");
            l.forEach(x -> items.add(value(x)));
        } else if (v instanceof Instant t) {
            o.put("instant", t.toString());
        } else if (v instanceof Integer i) {
            o.put("int", i);
        } else if (v instanceof Long l) {
            o.put("long", l);
        } else if (v instanceof Boolean b) {
            o.put("bool", b);
        } else if (v instanceof Enum<?> e && ENUMS.containsValue(e.getDeclaringClass())) {
            String kind = ENUMS.entrySet().stream().filter(x -> x.getValue() == e.getDeclaringClass()).findFirst()
                    .orElseThrow().getKey();
            o.put(kind, e.name());
        } else {
            o.put("text", String.valueOf(v));
        }
        return o;
    }

    /** Null when the value holds a code this version does not know. */
    private static Object value(JsonNode o) {
        if (o.has("detail")) {
            return detail(o.get("detail")).orElse(null);
        }
        if (o.has("list")) {
            List<Object> items = new ArrayList<>();
            for (JsonNode x : o.get("list")) {
                Object v = value(x);
                if (v == null) {
                    return null;
                }
                items.add(v);
            }
            return List.copyOf(items);
        }
        if (o.has("instant")) {
            return Instant.parse(o.get("instant").asText());
        }
        if (o.has("int")) {
            return o.get("int").asInt();
        }
        if (o.has("long")) {
            return o.get("long").asLong();
        }
        if (o.has("bool")) {
            return o.get("bool").asBoolean();
        }
        for (Map.Entry<String, Class<? extends Enum<?>>> e : ENUMS.entrySet()) {
            if (o.has(e.getKey())) {
                return anyEnum(e.getValue(), o.get(e.getKey()).asText()).orElse(null);
            }
        }
        return o.path("text").asText();
    }

    // --- a gateway that cannot be tried ---

    static ObjectNode problems(List<FieldProblem> problems) {
        ObjectNode o = NODES.objectNode();
        ArrayNode list = o.putArray("problems");
        for (FieldProblem p : problems) {
            list.addObject().put("field", p.field()).put("problem", p.problem().name()).put("severity", p.severity().name());
        }
        return o;
    }

    static List<FieldProblem> problems(JsonNode o) {
        List<FieldProblem> out = new ArrayList<>();
        for (JsonNode p : o.path("problems")) {
            Problem problem = enumValue(Problem.class, p.path("problem").asText()).orElse(Problem.CHOICE_INVALID);
            Severity severity = enumValue(Severity.class, p.path("severity").asText()).orElse(Severity.ERROR);
            out.add(new FieldProblem(p.path("field").asText(), problem, severity));
        }
        return out;
    }

    // --- the whole report ---

    static ObjectNode report(DiagnosisReport r) {
        ObjectNode o = NODES.objectNode();
        o.put("ok", r.ok());
        ArrayNode steps = o.putArray("steps");
        r.steps().forEach(s -> steps.add(step(s)));
        o.put("failedStep", r.failedStep() == null ? null : r.failedStep().name());
        o.put("failure", r.failure() == null ? null : r.failure().name());
        ArrayNode hints = o.putArray("hints");
        r.hints().forEach(h -> hints.add(h.name()));
        ArrayNode transcript = o.putArray("transcript");
        r.transcript().forEach(transcript::add);
        if (r.tls() != null) {
            ObjectNode t = o.putObject("tls");
            t.put("protocol", r.tls().protocol());
            t.put("cipher", r.tls().cipher());
            t.put("hostMatches", r.tls().hostMatches());
            t.put("trusted", r.tls().trusted());
            ArrayNode chain = t.putArray("chain");
            r.tls().chain().forEach(c -> chain.add(certificate(c)));
        }
        Capabilities c = r.capabilities();
        ObjectNode caps = o.putObject("capabilities");
        caps.put("greeting", c.greeting());
        ArrayNode ext = caps.putArray("extensions");
        c.extensions().forEach(ext::add);
        if (c.size() == null) {
            caps.putNull("size");
        } else {
            caps.put("size", c.size());
        }
        caps.put("startTls", c.startTls());
        ArrayNode auth = caps.putArray("auth");
        c.authMechanisms().forEach(auth::add);
        caps.put("eightBitMime", c.eightBitMime());
        caps.put("smtpUtf8", c.smtpUtf8());
        if (r.untrustedCertificate() != null) {
            o.set("untrustedCertificate", certificate(r.untrustedCertificate()));
        }
        o.put("messageId", r.messageId());
        o.put("lastReply", r.lastReply());
        if (r.testEmail() != null) {
            ObjectNode e = o.putObject("testEmail");
            e.put("to", r.testEmail().to());
            e.put("subject", r.testEmail().subject());
            e.put("body", r.testEmail().body());
            e.put("messageId", r.testEmail().messageId());
        }
        return o;
    }

    static DiagnosisReport report(JsonNode o) {
        List<StepResult> steps = new ArrayList<>();
        o.path("steps").forEach(s -> step(s).ifPresent(steps::add));
        List<Hint> hints = new ArrayList<>();
        o.path("hints").forEach(h -> enumValue(Hint.class, h.asText()).ifPresent(hints::add));
        List<String> transcript = new ArrayList<>();
        o.path("transcript").forEach(l -> transcript.add(l.asText()));
        TlsReport tls = null;
        JsonNode t = o.get("tls");
        if (t != null && !t.isNull()) {
            List<CertificateInfo> chain = new ArrayList<>();
            t.path("chain").forEach(c -> chain.add(certificate(c)));
            tls = new TlsReport(text(t, "protocol"), text(t, "cipher"), chain, t.path("hostMatches").asBoolean(),
                    t.path("trusted").asBoolean());
        }
        JsonNode c = o.path("capabilities");
        Capabilities caps = new Capabilities(text(c, "greeting"), strings(c.path("extensions")),
                c.path("size").isNumber() ? c.get("size").asLong() : null, c.path("startTls").asBoolean(),
                strings(c.path("auth")), c.path("eightBitMime").asBoolean(), c.path("smtpUtf8").asBoolean());
        JsonNode u = o.get("untrustedCertificate");
        JsonNode e = o.get("testEmail");
        DiagnosisReport.TestEmail email = e == null || e.isNull() ? null
                : new DiagnosisReport.TestEmail(text(e, "to"), text(e, "subject"), text(e, "body"), text(e, "messageId"));
        Step failedStep = o.hasNonNull("failedStep") ? enumValue(Step.class, o.get("failedStep").asText()).orElse(null) : null;
        return new DiagnosisReport(o.path("ok").asBoolean(), steps, failedStep, failure(o.get("failure")), hints,
                transcript, tls, caps, u == null || u.isNull() ? null : certificate(u), text(o, "messageId"),
                text(o, "lastReply"), email);
    }

    private static ObjectNode certificate(CertificateInfo c) {
        ObjectNode o = NODES.objectNode();
        o.put("subject", c.subject());
        o.put("issuer", c.issuer());
        o.put("notBefore", c.notBefore().toString());
        o.put("notAfter", c.notAfter().toString());
        o.put("fingerprint", c.fingerprint());
        ArrayNode names = o.putArray("names");
        c.names().forEach(names::add);
        o.put("pem", c.pem());
        return o;
    }

    private static CertificateInfo certificate(JsonNode o) {
        return new CertificateInfo(text(o, "subject"), text(o, "issuer"), Instant.parse(o.path("notBefore").asText()),
                Instant.parse(o.path("notAfter").asText()), text(o, "fingerprint"), strings(o.path("names")),
                text(o, "pem"));
    }

    private static Failure failure(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return enumValue(Failure.class, n.asText()).orElse(Failure.PROTOCOL_ERROR);
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String name) {
        try {
            return Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** A constant of one of {@link #ENUMS}, or empty when this version does not know it. */
    private static Optional<Object> anyEnum(Class<? extends Enum<?>> type, String name) {
        return java.util.Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst()
                .map(e -> (Object) e);
    }
}
