package io.cockpit.smtp.core.mail.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptMaskerTest {
    private static List<String> mask(String debugOutput, List<String> forms) {
        List<String> out = new ArrayList<>();
        TranscriptMasker m = new TranscriptMasker(l -> {
            if (l.display() != null) {
                out.add(l.display());
            }
        }, forms);
        PrintStream ps = new PrintStream(m, true, StandardCharsets.UTF_8);
        ps.print(debugOutput);
        ps.flush();
        m.close();
        return out;
    }

    @Test
    void authPlainInitialResponseIsMasked() {
        assertEquals(List.of("C: AUTH PLAIN ********", "S: 235 2.7.0 ok"),
                mask("AUTH PLAIN AHN2YwBzM2NyZXQ=\r\n235 2.7.0 ok\r\n", List.of()));
    }

    @Test
    void everyClientLineBetweenAuthAndTheFinalReplyIsMasked() {
        assertEquals(List.of("C: AUTH LOGIN", "S: 334 VXNlcm5hbWU6", "C: ********", "S: 334 UGFzc3dvcmQ6",
                        "C: ********", "S: 535 5.7.8 no", "C: QUIT"),
                mask("AUTH LOGIN\n334 VXNlcm5hbWU6\nc3Zj\n334 UGFzc3dvcmQ6\nczNjcmV0\n535 5.7.8 no\nQUIT\n", List.of()));
    }

    @Test
    void lowerCaseAuthIsMaskedToo() {
        assertEquals(List.of("C: AUTH xoauth2 ********", "S: 235 ok"),
                mask("auth xoauth2 dXNlcj1hAWF1dGg9QmVhcmVyIHQBAQ==\n235 ok\n", List.of()));
    }

    @Test
    void aKnownSecretFormIsMaskedAnywhere() {
        assertEquals(List.of("S: 250 ok", "C: ********"),
                mask("250 ok\nNOOP s3cret-value\n", List.of("s3cret-value")));
    }

    @Test
    void messageLinesThatLookLikeRepliesStayOnTheClientSide() {
        assertEquals(List.of("C: DATA", "S: 354 go", "C: 250 looks like a reply", "C: .", "S: 250 queued"),
                mask("DATA\n354 go\n250 looks like a reply\n.\n250 queued\n", List.of()));
    }

    @Test
    void debugLinesAreNotShown() {
        assertEquals(List.of("S: 220 hi"), mask("DEBUG SMTP: trying\n220 hi\n", List.of()));
    }
}
