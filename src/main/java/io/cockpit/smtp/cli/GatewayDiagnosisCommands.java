package io.cockpit.smtp.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayJson;
import io.cockpit.smtp.core.mail.diagnosis.Cancellation;
import io.cockpit.smtp.core.mail.diagnosis.CertificateInfo;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisListener;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisReport;
import io.cockpit.smtp.core.mail.diagnosis.Hint;
import io.cockpit.smtp.core.mail.diagnosis.StepResult;
import io.cockpit.smtp.core.validation.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gateway check} and {@code gateway test}: the saved configuration, active or not, step by step. */
final class GatewayDiagnosisCommands {
    private GatewayDiagnosisCommands() {
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Connect, secure and authenticate with the saved configuration; send nothing.",
                    "Works while the gateway is inactive. Exit 0 only when every step passed."})
    static final class Check implements Callable<Integer> {
        @ParentCommand GatewayCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "print one JSON object") boolean json;
        @Option(names = "--save-cert", paramLabel = "FILE.pem",
                description = "write the certificate the server presented (PEM), for gateway set --trust-cert")
        Path saveCert;

        @Override
        public Integer call() throws ValidationException {
            GatewayConfig g = parent.root.services().gateways().loadPortal();
            DiagnosisReport r = parent.root.services().diagnosis().check(g, DiagnosisListener.NONE, new Cancellation());
            saveCertificate(r, saveCert, spec.commandLine().getErr());
            return print(r, json, spec.commandLine().getOut());
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Everything check does, then send one test email with the saved configuration.",
                    "Exit 0 only when the server accepted the message."})
    static final class Test implements Callable<Integer> {
        @ParentCommand GatewayCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "the test email's recipient")
        String to;
        @Option(names = "--json", description = "print one JSON object") boolean json;

        @Override
        public Integer call() throws ValidationException {
            GatewayConfig g = parent.root.services().gateways().loadPortal();
            DiagnosisReport r = parent.root.services().diagnosis().test(g, to, DiagnosisListener.NONE, new Cancellation());
            return print(r, json, spec.commandLine().getOut());
        }
    }

    private static void saveCertificate(DiagnosisReport r, Path file, PrintWriter err) {
        if (file == null) {
            return;
        }
        CertificateInfo c = r.untrustedCertificate() != null ? r.untrustedCertificate()
                : r.tls() == null ? null : r.tls().leaf();
        if (c == null) {
            err.println("No certificate was presented: nothing written to " + file + ".");
            return;
        }
        try {
            Files.writeString(file, c.pem(), StandardCharsets.US_ASCII);
            err.println("Certificate " + c.fingerprint() + " written to " + file + ".");
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILED, "Cannot write " + file + ": " + e.getMessage());
        }
    }

    static int print(DiagnosisReport r, boolean json, PrintWriter out) {
        if (json) {
            try {
                out.println(GatewayJson.mapper().writeValueAsString(toJson(r)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            printHuman(r, out);
        }
        out.flush();
        return r.ok() ? ExitCode.DONE : ExitCode.FAILED;
    }

    static ObjectNode toJson(DiagnosisReport r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("ok", r.ok());
        ArrayNode steps = o.putArray("steps");
        for (StepResult s : r.steps()) {
            ObjectNode n = steps.addObject();
            n.put("name", s.step().id());
            n.put("ok", s.ok());
            n.put("millis", s.millis());
            n.put("detail", DiagnosisWords.details(s));
            if (s.failure() != null) {
                n.put("failure", s.failure().name());
            }
        }
        o.put("failedStep", r.failedStep() == null ? null : r.failedStep().id());
        o.put("failure", r.failure() == null ? null : r.failure().name());
        ArrayNode hints = o.putArray("hints");
        for (Hint h : r.hints()) {
            hints.addObject().put("code", h.name()).put("text", DiagnosisWords.hint(h));
        }
        if (r.tls() != null) {
            ObjectNode t = o.putObject("tls");
            t.put("protocol", r.tls().protocol());
            t.put("cipher", r.tls().cipher());
            t.put("hostMatches", r.tls().hostMatches());
            t.put("trusted", r.tls().trusted());
            ArrayNode chain = t.putArray("chain");
            r.tls().chain().forEach(c -> certificate(chain.addObject(), c));
        }
        if (r.untrustedCertificate() != null) {
            certificate(o.putObject("untrustedCertificate"), r.untrustedCertificate());
        }
        ObjectNode caps = o.putObject("capabilities");
        caps.put("greeting", r.capabilities().greeting());
        if (r.capabilities().size() == null) {
            caps.putNull("size");
        } else {
            caps.put("size", r.capabilities().size());
        }
        caps.put("starttls", r.capabilities().startTls());
        ArrayNode auth = caps.putArray("auth");
        r.capabilities().authMechanisms().forEach(auth::add);
        caps.put("8bitmime", r.capabilities().eightBitMime());
        caps.put("smtputf8", r.capabilities().smtpUtf8());
        ArrayNode t = o.putArray("transcript");
        r.transcript().forEach(t::add);
        o.put("messageId", r.messageId());
        return o;
    }

    private static void certificate(ObjectNode n, CertificateInfo c) {
        n.put("subject", c.subject());
        n.put("issuer", c.issuer());
        n.put("notBefore", c.notBefore().toString());
        n.put("notAfter", c.notAfter().toString());
        n.put("fingerprint", c.fingerprint());
        ArrayNode names = n.putArray("names");
        c.names().forEach(names::add);
    }

    private static void printHuman(DiagnosisReport r, PrintWriter out) {
        for (StepResult s : r.steps()) {
            out.printf("%-4s %-26s %6d ms  %s%n", s.ok() ? "ok" : "FAIL", DiagnosisWords.step(s.step()), s.millis(),
                    DiagnosisWords.details(s));
        }
        out.println();
        if (r.ok()) {
            out.println(r.messageId() != null ? "The server accepted the test email (" + r.messageId() + ")."
                    : "Every step passed.");
        } else {
            out.println("Failed at " + DiagnosisWords.step(r.failedStep()) + ": " + DiagnosisWords.failure(r.failure())
                    + (r.lastReply() == null ? "" : " (" + r.lastReply() + ")") + ".");
        }
        for (Hint h : r.hints()) {
            out.println("Hint: " + DiagnosisWords.hint(h));
        }
        CertificateInfo c = r.untrustedCertificate();
        if (c != null) {
            out.println();
            out.println("Certificate presented by the server (not trusted):");
            out.println("  subject:     " + c.subject());
            out.println("  issuer:      " + c.issuer());
            out.println("  valid:       " + c.notBefore() + " to " + c.notAfter());
            out.println("  names:       " + (c.names().isEmpty() ? "-" : String.join(", ", c.names())));
            out.println("  fingerprint: " + c.fingerprint());
        }
        if (!r.transcript().isEmpty()) {
            out.println();
            boolean graph = r.steps().stream().anyMatch(s -> s.step() == io.cockpit.smtp.core.mail.diagnosis.Step.TOKEN);
            out.println(graph ? "Microsoft Graph exchange (token masked):" : "SMTP conversation (secrets masked):");
            r.transcript().forEach(l -> out.println("  " + l));
        }
    }
}
