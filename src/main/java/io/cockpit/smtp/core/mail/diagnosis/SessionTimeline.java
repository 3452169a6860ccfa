package io.cockpit.smtp.core.mail.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What Angus's one {@code connect()} call did, read from its masked debug transcript: when STARTTLS was sent, when
 * authentication began, when the server first spoke, its greeting and its EHLO replies. Angus offers no per-step hooks,
 * so these marks are how the steps inside the call are placed and timed.
 *
 * @param startTls when STARTTLS was sent ({@link System#nanoTime()}); 0 if it was not
 * @param auth when authentication began; 0 if it did not
 * @param firstServer when the server's first line came; 0 if none did
 * @param greeting the server's first line, or null
 * @param ehlo each successful EHLO reply, its lines in order (a second one after STARTTLS)
 */
record SessionTimeline(List<TranscriptLine> lines, long startTls, long auth, long firstServer, String greeting,
                       List<List<String>> ehlo) {

    static SessionTimeline read(List<TranscriptLine> lines) {
        TranscriptLine first = lines.stream().filter(l -> l.kind() == TranscriptLine.Kind.SERVER).findFirst().orElse(null);
        return new SessionTimeline(List.copyOf(lines), firstClient(lines, "STARTTLS"), authStart(lines),
                first == null ? 0 : first.nanos(), first == null ? null : first.text(), ehloReplies(lines));
    }

    /** What the server advertised before TLS (the first EHLO reply). */
    Capabilities before() {
        return ehlo.isEmpty() ? Capabilities.parse(greeting, List.of()) : Capabilities.parse(greeting, ehlo.get(0));
    }

    /** What the server advertised last (after STARTTLS when there was one). */
    Capabilities last() {
        return ehlo.isEmpty() ? before() : Capabilities.parse(greeting, ehlo.get(ehlo.size() - 1));
    }

    String lastServerLine() {
        String last = null;
        for (TranscriptLine l : lines) {
            if (l.kind() == TranscriptLine.Kind.SERVER) {
                last = l.text();
            }
        }
        return last;
    }

    boolean lastServerLineIsError() {
        String last = lastServerLine();
        return last != null && (last.startsWith("4") || last.startsWith("5"));
    }

    /** The mechanism on the AUTH line, or "" when Angus kept the exchange out of its trace. */
    String authMechanism() {
        return lines.stream().filter(l -> l.kind() == TranscriptLine.Kind.CLIENT && l.text().startsWith("AUTH"))
                .map(TranscriptLine::text).map(t -> t.split(" ")).filter(p -> p.length > 1).map(p -> p[1])
                .findFirst().orElse("");
    }

    /** The server's final answer to authentication (the first line after it began that is no 334 challenge), or null. */
    String authReply() {
        return lines.stream().filter(l -> l.nanos() >= auth && l.kind() == TranscriptLine.Kind.SERVER
                && !l.text().startsWith("334")).map(TranscriptLine::text).findFirst().orElse(null);
    }

    private static long firstClient(List<TranscriptLine> lines, String command) {
        return lines.stream().filter(l -> l.kind() == TranscriptLine.Kind.CLIENT && l.text().equalsIgnoreCase(command))
                .mapToLong(TranscriptLine::nanos).findFirst().orElse(0);
    }

    /** Angus announces its attempt in a debug line whether or not the AUTH exchange itself is traced. */
    private static long authStart(List<TranscriptLine> lines) {
        return lines.stream().filter(l -> (l.kind() == TranscriptLine.Kind.DEBUG && l.text().contains("Attempt to authenticate"))
                        || (l.kind() == TranscriptLine.Kind.CLIENT && l.text().startsWith("AUTH")))
                .mapToLong(TranscriptLine::nanos).findFirst().orElse(0);
    }

    private static List<List<String>> ehloReplies(List<TranscriptLine> lines) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = null;
        for (TranscriptLine l : lines) {
            if (l.kind() == TranscriptLine.Kind.CLIENT) {
                current = l.text().toUpperCase(Locale.ROOT).startsWith("EHLO") ? new ArrayList<>() : null;
            } else if (l.kind() == TranscriptLine.Kind.SERVER && current != null) {
                current.add(l.text());
                if (l.endsReply()) {
                    if (l.text().startsWith("250")) {
                        out.add(current);
                    }
                    current = null;
                }
            }
        }
        return out;
    }
}
