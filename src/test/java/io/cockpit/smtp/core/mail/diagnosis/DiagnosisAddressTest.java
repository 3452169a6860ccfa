package io.cockpit.smtp.core.mail.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.testing.ScriptedSmtpServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The test email obeys the same address rules as sending: ASCII domains, a non-ASCII local part only with SMTPUTF8. */
class DiagnosisAddressTest extends DiagnosisTestBase {
    static final String CYRILLIC = "\u0438\u0432\u0430\u043d@example.org";

    @Test
    void aTestEmailToACyrillicMailboxIsNotSentWithoutSmtpUtf8() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
            DiagnosisReport r = fx.test(fx.gateway(server.port(), Security.NONE), CYRILLIC);

            String why = r.steps() + "\n" + server.commands();
            assertFalse(r.ok(), why);
            assertEquals(Step.MAIL_FROM, r.failedStep(), why);
            assertEquals(Failure.SMTPUTF8_NOT_OFFERED, r.failure(), why);
            assertTrue(server.commands().stream().noneMatch(c -> c.startsWith("MAIL") || c.startsWith("RCPT")), why);
        }
    }

    @Test
    void aTestEmailGoesToTheTypedMailboxWhenSmtpUtf8IsOffered() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer().offerSmtpUtf8(true)) {
            GatewayConfig g = fx.gateway(server.port(), Security.NONE).toBuilder().from("itsm@b\u00fccher.de").build();
            DiagnosisReport r = fx.test(g, CYRILLIC);

            String why = r.steps() + "\n" + server.commands();
            assertTrue(r.ok(), why);
            assertTrue(server.commandBytes().stream().anyMatch(b -> java.util.Arrays.equals(b,
                    ("RCPT TO:<" + CYRILLIC + ">").getBytes(StandardCharsets.UTF_8))), why);
            assertTrue(server.commands().contains("MAIL FROM:<itsm@xn--bcher-kva.de> SMTPUTF8"), why);
            assertTrue(server.accepted().get(0).contains("@xn--bcher-kva.de>"), server.accepted().get(0));
        }
    }
}
