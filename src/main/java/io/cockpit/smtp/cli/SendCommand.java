package io.cockpit.smtp.cli;

import io.cockpit.smtp.core.outbox.NewMessage;
import io.cockpit.smtp.core.outbox.OutboxService;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.ValidationException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Store a message in the outbox and print its id; the engine delivers it.",
                "--batch FILE|- reads one JSON object a line and stores all of them or none."})
public final class SendCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;
    @Spec CommandSpec spec;

    @Option(names = "--flow", paramLabel = "FLOW",
            description = "ticket-notification, report-notification, password-reset, user-access, feedback, ticket-email, supervision-alert, test")
    String flow;
    @Option(names = "--to", paramLabel = "ADDRESS", split = ",", description = "one or more recipients, comma-separated")
    List<String> to;
    @Option(names = "--lang", paramLabel = "LANG", description = "language of the message (default fr)") String lang;
    @Option(names = "--audience", paramLabel = "user|operator", description = "which portal URL the links use (default user)")
    String audience;
    @Option(names = "--subject", paramLabel = "TEXT", description = "not for report-notification (its template gives it)")
    String subject;
    @Option(names = "--body", paramLabel = "TEXT") String body;
    @Option(names = "--body-file", paramLabel = "FILE") Path bodyFile;
    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "a variable for the subject and the built-in body")
    List<String> vars;
    @Option(names = "--engine", paramLabel = "NAME",
            description = "the engine that sends a supervision-alert or test message (default: the gateway's engine, which "
                    + "sends every portal flow)")
    String engine;
    @Option(names = "--batch", paramLabel = "FILE|-", description = "JSON lines: {\"flow\", \"to\", \"lang\", \"audience\", \"subject\", \"body\", \"vars\", \"engine\"}")
    String batch;

    @Override
    public Integer call() throws ValidationException, IOException {
        OutboxService outbox = root.services().outbox();
        PrintWriter out = spec.commandLine().getOut();
        if (batch != null) {
            if (flow != null || to != null || lang != null || audience != null || subject != null || body != null
                    || bodyFile != null || vars != null || engine != null) {
                throw CliException.invalid("batch", "cannot be combined with the options of a single message");
            }
            for (long id : sendBatch(outbox)) {
                out.println(id);
            }
        } else {
            NewMessage m = single();
            out.println(outbox.enqueue(m));
            if ("report-notification".equals(m.flow())) {
                for (String name : root.services().formats().missingReportValues(m.lang(), m.vars())) {
                    spec.commandLine().getErr().println("warning: the report subject uses ${" + name
                            + "}, which has no value (--var " + name + "=...): it is left empty");
                }
            }
        }
        out.flush();
        return ExitCode.DONE;
    }

    private NewMessage single() throws ValidationException {
        if (body != null && bodyFile != null) {
            throw CliException.invalid("body-file", "give either --body or --body-file, not both");
        }
        String text = body;
        if (bodyFile != null) {
            try {
                text = Files.readString(bodyFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliException.invalid("body-file", "cannot be read (" + e.getMessage() + ")");
            }
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> parsed = new LinkedHashMap<>();
        if (vars != null) {
            for (String v : vars) {
                int eq = v.indexOf('=');
                if (eq <= 0) {
                    problems.add(FieldProblem.error("var", Problem.VARIABLE_INVALID));
                } else {
                    parsed.put(v.substring(0, eq), v.substring(eq + 1));
                }
            }
        }
        ValidationException.throwIfErrors(problems);
        return new NewMessage(flow, to, lang, audience, subject, text, parsed, engine);
    }

    private List<Long> sendBatch(OutboxService outbox) throws ValidationException, IOException {
        BatchReader.Result read;
        try (Reader in = "-".equals(batch) ? new InputStreamReader(root.stdin(), StandardCharsets.UTF_8)
                : openFile(Path.of(batch))) {
            read = BatchReader.read(in);
        }
        List<Integer> lines = read.lines();
        if (read.messages().isEmpty() && read.problems().isEmpty()) {
            throw CliException.invalid("batch", "holds no message");
        }
        if (!read.problems().isEmpty()) {
            List<FieldProblem> problems = new ArrayList<>(read.problems());
            if (!read.truncated()) {
                problems.addAll(outbox.checkAll(read.messages(), i -> "line " + lines.get(i) + ": "));
            }
            throw new ValidationException(problems);
        }
        return outbox.enqueueAll(read.messages(), i -> "line " + lines.get(i) + ": ");
    }

    private static Reader openFile(Path p) {
        try {
            return Files.newBufferedReader(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.invalid("batch", "cannot be read (" + e.getMessage() + ")");
        }
    }
}
