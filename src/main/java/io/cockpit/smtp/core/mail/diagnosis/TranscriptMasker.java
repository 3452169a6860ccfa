package io.cockpit.smtp.core.mail.diagnosis;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The stream Angus's debug output is written to: it cuts it into lines, tells the server's lines from ours, and masks
 * the AUTH exchange before any line leaves it. Nothing unmasked is ever passed on: the partial line is held here only
 * until its end, then wiped.
 *
 * <p>Masking follows the protocol, not the secret's spelling: from an {@code AUTH} command until the server's final
 * (non-334) reply, every client line is replaced, and the initial response on the AUTH line too. So the password
 * never shows in any encoding (LOGIN, PLAIN, XOAUTH2). As a second net, any line containing one of the known secret
 * forms is masked wherever it appears.
 */
public final class TranscriptMasker extends OutputStream {
    public static final String MASK = "********";
    /** A reply: three digits, then a space, a dash or the end. Base64 has neither space nor dash and a length
     *  multiple of four, so an AUTH continuation can never look like one. */
    private static final Pattern REPLY = Pattern.compile("^[2-5]\\d\\d([ -].*)?$");
    private static final int MIN_FORM = 4;

    private final Consumer<TranscriptLine> sink;
    private final List<String> secretForms;
    private byte[] buf = new byte[256];
    private int len;
    private boolean inAuth;
    private boolean awaitingData;
    private boolean inData;

    /**
     * @param secretForms texts never to let through (the password and its encodings); short ones are ignored, the
     *                    protocol masking covers them
     */
    public TranscriptMasker(Consumer<TranscriptLine> sink, List<String> secretForms) {
        this.sink = sink;
        this.secretForms = secretForms.stream().filter(f -> f != null && f.length() >= MIN_FORM).toList();
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            endLine();
        } else if (b != '\r') {
            if (len == buf.length) {
                byte[] bigger = Arrays.copyOf(buf, len * 2);
                Arrays.fill(buf, (byte) 0);
                buf = bigger;
            }
            buf[len++] = (byte) b;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int n) {
        for (int i = 0; i < n; i++) {
            write(b[off + i]);
        }
    }

    @Override
    public synchronized void flush() {
        // lines are passed on whole; a partial line waits for its end
    }

    @Override
    public synchronized void close() {
        if (len > 0) {
            endLine();
        }
    }

    private void endLine() {
        String raw = new String(buf, 0, len, StandardCharsets.UTF_8);
        Arrays.fill(buf, 0, len, (byte) 0);
        len = 0;
        TranscriptLine line = classify(raw);
        sink.accept(new TranscriptLine(System.nanoTime(), line.kind(), scrub(line.text())));
    }

    private TranscriptLine classify(String raw) {
        long now = 0; // the caller stamps the time
        if (raw.startsWith("DEBUG")) {
            return new TranscriptLine(now, TranscriptLine.Kind.DEBUG, raw);
        }
        if (inData) {
            if (raw.equals(".")) {
                inData = false;
            }
            return new TranscriptLine(now, TranscriptLine.Kind.CLIENT, raw);
        }
        if (REPLY.matcher(raw).matches()) {
            if (inAuth && !raw.startsWith("334")) {
                inAuth = false;
            }
            if (awaitingData) {
                awaitingData = false;
                inData = raw.startsWith("354");
            }
            return new TranscriptLine(now, TranscriptLine.Kind.SERVER, raw);
        }
        String upper = raw.toUpperCase(Locale.ROOT);
        if (upper.equals("AUTH") || upper.startsWith("AUTH ")) {
            inAuth = true;
            String[] parts = raw.split(" +", 3);
            String masked = parts.length > 1 ? "AUTH " + parts[1] + (parts.length > 2 ? " " + MASK : "") : "AUTH";
            return new TranscriptLine(now, TranscriptLine.Kind.CLIENT, masked);
        }
        if (inAuth) {
            return new TranscriptLine(now, TranscriptLine.Kind.CLIENT, MASK);
        }
        if (upper.equals("DATA")) {
            awaitingData = true;
        }
        return new TranscriptLine(now, TranscriptLine.Kind.CLIENT, raw);
    }

    private String scrub(String text) {
        for (String form : secretForms) {
            if (text.contains(form)) {
                return MASK;
            }
        }
        return text;
    }
}
