package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import org.junit.jupiter.api.Test;

/** The Message-ID takes the From address's domain as it goes out: an internationalised one in its ASCII form. */
class MessageIdDomainTest {
    @Test
    void anInternationalisedFromDomainGivesItsAsciiForm() {
        GatewayConfig g = GatewayConfig.defaults(GatewayConfig.PORTAL).toBuilder().from("itsm@B\u00fccher.de").build();
        assertEquals("xn--bcher-kva.de", OutboxService.idDomain(g));
    }
}
