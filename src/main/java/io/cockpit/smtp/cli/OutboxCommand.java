package io.cockpit.smtp.cli;

import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.core.outbox.OutboxMessage;
import io.cockpit.smtp.core.outbox.OutboxPage;
import io.cockpit.smtp.core.outbox.OutboxQuery;
import io.cockpit.smtp.core.outbox.OutboxService;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.core.outbox.Recipient;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.ValidationException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Its commands are added by {@link Cli} from {@link CommandTree}, only those a command line needs. */
@Command(name = "outbox", mixinStandardHelpOptions = true,
        description = "The messages waiting, sent and failed (Exploitation > File d'envoi).")
public final class OutboxCommand {
    @ParentCommand RootCommand root;

    OutboxService outbox() {
        return root.services().outbox();
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List messages, newest first; the filters, all run in the store, apply together.",
                    "WHEN is a date (2024-05-31: from the start of that day for --since, to its end for --until), a date "
                            + "and time (2024-05-31T14:30, in this computer's time zone unless it ends with Z or an "
                            + "offset), today, yesterday, or an age before now (24h, 7d, P1M)."})
    static final class ListMessages implements Callable<Integer> {
        @ParentCommand OutboxCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--status", paramLabel = "STATUS", description = "queued, sending, deferred, sent or failed") String status;
        @Option(names = "--flow", paramLabel = "FLOW") String flow;
        @Option(names = "--engine", paramLabel = "NAME", description = "the engine the messages are for") String engine;
        @Option(names = "--to", paramLabel = "ADDRESS", description = "one recipient's address, in any case") String to;
        @Option(names = "--subject", paramLabel = "TEXT", description = "a piece of the subject, in any case") String subject;
        @Option(names = "--message-id", paramLabel = "ID", description = "the Message-ID, with or without < >") String messageId;
        @Option(names = "--since", paramLabel = "WHEN", description = "created at or after") String since;
        @Option(names = "--until", paramLabel = "WHEN", description = "created before") String until;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "50") int limit;
        @Option(names = "--json", description = "print a JSON array") boolean json;

        @Override
        public Integer call() throws Exception {
            OutboxStatus s = status == null ? null : OutboxStatus.fromCli(status)
                    .orElseThrow(() -> ValidationException.of("status", Problem.CHOICE_INVALID));
            Flow f = flow == null ? null : Flow.fromCli(flow).orElseThrow(() -> ValidationException.of("flow", Problem.CHOICE_INVALID));
            if (limit < 1) {
                throw ValidationException.of("limit", Problem.NUMBER_INVALID);
            }
            java.time.ZonedDateTime now = java.time.ZonedDateTime.now();
            OutboxQuery query = new OutboxQuery(s, f, blankToNull(engine), blankToNull(to), blankToNull(subject),
                    blankToNull(messageId), since == null ? null : Moments.since(since, now, "since"),
                    until == null ? null : Moments.until(until, now, "until"), Math.min(limit, OutboxService.MAX_PAGE), null);
            List<OutboxMessage> list = new java.util.ArrayList<>();
            OutboxPage page = parent.outbox().search(query);
            list.addAll(page.messages());
            // Beyond one page's size, the next pages (each starts after the last message of the one before).
            while (page.hasMore() && list.size() < limit) {
                page = parent.outbox().search(query.after(page.next()));
                list.addAll(page.messages());
            }
            if (list.size() > limit) {
                list = list.subList(0, limit);
            }
            ListOutput.print(spec.commandLine().getOut(), json, list, OutboxJson::summary,
                    String.format("%-8s %-9s %-20s %-30s %-8s %s", "ID", "STATUS", "FLOW", "TO", "ATTEMPTS", "SUBJECT"),
                    m -> String.format("%-8d %-9s %-20s %-30s %-8d %s", m.id(), m.status().cliName(), m.flow().cliName(),
                            String.join(",", m.to()), m.attempts(), m.subject()));
            return ExitCode.DONE;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One message: fields, recipients, headers.")
    static final class Show implements Callable<Integer> {
        @ParentCommand OutboxCommand parent;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "ID") long id;
        @Option(names = "--json", description = "print one JSON object") boolean json;

        @Override
        public Integer call() throws Exception {
            OutboxService outbox = parent.outbox();
            OutboxMessage m = outbox.find(id).orElseThrow(() -> new CliException(ExitCode.INVALID, "id: no message " + id));
            PrintWriter out = spec.commandLine().getOut();
            List<String> headers = outbox.headerLines(m);
            if (json) {
                out.println(OutboxJson.mapper().writeValueAsString(OutboxJson.details(m, headers)));
            } else {
                out.printf("id:            %d%nstatus:        %s%nflow:          %s%nlang:          %s%naudience:      %s%n",
                        m.id(), m.status().cliName(), m.flow().cliName(), m.lang(), m.audience().cliName());
                out.printf("engine:        %s%nattempts:      %d%ncreated:       %s%nnext attempt:  %s%nsent:          %s%n",
                        m.engine(), m.attempts(), m.createdAt(), m.nextAttemptAt(), m.sentAt() == null ? "-" : m.sentAt());
                out.printf("last error:    %s%nmessage id:    %s%n", m.lastError() == null ? "-" : m.lastError(), m.messageId());
                for (Recipient r : m.recipients()) {
                    out.printf("recipient:     %s %s%s%n", r.address(), r.status().cliName(), r.reply() == null ? "" : " (" + r.reply() + ")");
                }
                out.println();
                headers.forEach(out::println);
            }
            out.flush();
            return ExitCode.DONE;
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true, description = "Make messages due now.")
    static final class Retry implements Callable<Integer> {
        @ParentCommand OutboxCommand parent;
        @Spec CommandSpec spec;
        @ArgGroup(exclusive = true, multiplicity = "1") Which which;

        static final class Which {
            @Parameters(paramLabel = "ID") Long id;
            @Option(names = "--all-failed") boolean allFailed;
            @Option(names = "--all-deferred") boolean allDeferred;
        }

        @Override
        public Integer call() {
            OutboxService outbox = parent.outbox();
            int n;
            if (which.id != null) {
                OutboxMessage m = outbox.find(which.id).orElseThrow(() -> new CliException(ExitCode.INVALID, "id: no message " + which.id));
                if (m.status() == OutboxStatus.SENT || m.status() == OutboxStatus.SENDING) {
                    throw new CliException(ExitCode.INVALID, "id: message " + which.id + " is " + m.status().cliName() + "; only deferred, failed or queued messages can be retried");
                }
                n = outbox.retry(which.id);
            } else {
                n = outbox.retryAll(which.allFailed ? OutboxStatus.FAILED : OutboxStatus.DEFERRED);
            }
            spec.commandLine().getOut().println(n + " message(s) due now.");
            spec.commandLine().getOut().flush();
            return ExitCode.DONE;
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true, description = "Delete sent or failed messages.")
    static final class Purge implements Callable<Integer> {
        @ParentCommand OutboxCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--status", required = true, paramLabel = "sent|failed") String status;
        @Option(names = "--older-than", paramLabel = "DURATION", description = "such as 30d, 12h, 15m, 45s, or ISO-8601 such as P1M2D or PT12H")
        String olderThan;

        @Override
        public Integer call() throws ValidationException {
            OutboxStatus s = OutboxStatus.fromCli(status).filter(x -> x == OutboxStatus.SENT || x == OutboxStatus.FAILED)
                    .orElseThrow(() -> ValidationException.of("status", Problem.CHOICE_INVALID));
            Duration age = olderThan == null ? null : duration(olderThan);
            int n = parent.outbox().purge(s, age);
            spec.commandLine().getOut().println(n + " message(s) deleted.");
            spec.commandLine().getOut().flush();
            return ExitCode.DONE;
        }

        /** The age {@code --older-than} gives, from now in this computer's time zone (calendar months and years). */
        static Duration duration(String text) throws ValidationException {
            return Ages.parse(text, java.time.ZonedDateTime.now(), "older-than");
        }
    }
}
