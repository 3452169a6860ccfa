package io.cockpit.smtp.core.mail;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class MailWarmupTest {
    @Test
    void theWarmUpReadsTheAuthoritiesEveryGatewayThenShares() throws Exception {
        MailWarmup.warm();
        assertNotNull(SystemTrust.authorities().getAcceptedIssuers());
        assertSame(SystemTrust.authorities(), SystemTrust.authorities(), "read once a process");
    }
}
