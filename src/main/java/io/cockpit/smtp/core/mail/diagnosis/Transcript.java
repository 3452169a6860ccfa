package io.cockpit.smtp.core.mail.diagnosis;

import java.util.ArrayList;
import java.util.List;

/**
 * The run's conversation as it grows: lines from the {@link TranscriptMasker} (already masked; written on Angus's
 * thread) and our own notes. Readers take a snapshot.
 */
final class Transcript {
    private final List<TranscriptLine> lines = new ArrayList<>();
    private final DiagnosisListener listener;

    /** @param listener told each line that is shown, as it comes */
    Transcript(DiagnosisListener listener) {
        this.listener = listener;
    }

    void add(TranscriptLine line) {
        synchronized (lines) {
            lines.add(line);
        }
        tell(line);
    }

    private void tell(TranscriptLine line) {
        String shown = line.display();
        if (shown != null) {
            try {
                listener.transcriptLine(shown);
            } catch (RuntimeException e) {
                // A listener that fails must not break the conversation it watches (lines come on Angus's thread).
                org.slf4j.LoggerFactory.getLogger(Transcript.class).warn("a transcript listener failed", e);
            }
        }
    }

    void note(String text) {
        add(new TranscriptLine(System.nanoTime(), TranscriptLine.Kind.NOTE, text));
    }

    /**
     * Places a note where the TLS handshake happened: before the greeting when TLS starts with the first byte, else
     * just after the server's reply to STARTTLS; at the end when neither is found.
     */
    void noteWhereTlsStarted(String text, boolean tlsFromFirstByte) {
        synchronized (lines) {
            int at = lines.size();
            boolean startTlsSent = false;
            for (int i = 0; i < lines.size(); i++) {
                TranscriptLine l = lines.get(i);
                if (tlsFromFirstByte && l.kind() == TranscriptLine.Kind.SERVER) {
                    at = i;
                    break;
                }
                if (l.kind() == TranscriptLine.Kind.CLIENT && l.text().equalsIgnoreCase("STARTTLS")) {
                    startTlsSent = true;
                } else if (startTlsSent && l.kind() == TranscriptLine.Kind.SERVER) {
                    at = i + 1;
                    break;
                }
            }
            lines.add(at, new TranscriptLine(System.nanoTime(), TranscriptLine.Kind.NOTE, text));
        }
        tell(new TranscriptLine(System.nanoTime(), TranscriptLine.Kind.NOTE, text));
    }

    int size() {
        synchronized (lines) {
            return lines.size();
        }
    }

    List<TranscriptLine> snapshot() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    /** The lines from {@code index} on (those of one command, when its index was taken before it). */
    List<TranscriptLine> since(int index) {
        List<TranscriptLine> all = snapshot();
        return new ArrayList<>(all.subList(Math.min(index, all.size()), all.size()));
    }

    /** What the report shows: every line but Angus's own debug remarks. */
    List<String> display() {
        return snapshot().stream().map(TranscriptLine::display).filter(s -> s != null).toList();
    }
}
