package io.cockpit.smtp.core.mail.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The commands of one send, read from its part of the transcript, and the server's final reply to each: Angus sends
 * MAIL FROM, RCPT TO and DATA in one {@code sendMessage()} call, so the transcript is where each step's outcome is.
 */
final class SendReplies {
    /** The MAIL FROM line as sent; "MAIL FROM" when it was never sent. */
    String mailCommand = "MAIL FROM";
    TranscriptLine mail;
    final List<String> rcptCommands = new ArrayList<>();
    final List<TranscriptLine> rcpts = new ArrayList<>();
    /** The reply to DATA (354 to go on). */
    TranscriptLine data;
    /** The reply once the content was sent. */
    TranscriptLine end;

    static SendReplies read(List<TranscriptLine> lines) {
        SendReplies r = new SendReplies();
        String pending = null;
        for (TranscriptLine l : lines) {
            if (l.kind() == TranscriptLine.Kind.CLIENT) {
                String u = l.text().toUpperCase(Locale.ROOT);
                if (u.startsWith("MAIL FROM")) {
                    pending = "MAIL";
                    r.mailCommand = l.text();
                } else if (u.startsWith("RCPT TO")) {
                    pending = "RCPT";
                    r.rcptCommands.add(l.text());
                } else if (u.equals("DATA")) {
                    pending = "DATA";
                } else if (l.text().equals(".") && r.data != null) {
                    pending = "END";
                } else if (u.startsWith("RSET") || u.startsWith("QUIT") || u.startsWith("NOOP")) {
                    pending = null;
                }
            } else if (pending != null && l.endsReply()) {
                switch (pending) {
                    case "MAIL" -> r.mail = l;
                    case "RCPT" -> r.rcpts.add(l);
                    case "DATA" -> r.data = l;
                    default -> r.end = l;
                }
                pending = null;
            }
        }
        return r;
    }
}
