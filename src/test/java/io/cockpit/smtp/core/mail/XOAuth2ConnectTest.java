package io.cockpit.smtp.core.mail;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.OAuthProvider;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Session;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SASL XOAUTH2 through Angus against a real in-process server: the access token goes in the password's place. */
class XOAuth2ConnectTest {
    private GreenMail server;

    @BeforeEach
    void start() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        server.setUser("svc@example.com", "svc@example.com", "access-token-1");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private GatewayConfig gateway() {
        return GatewayConfig.defaults("portal").toBuilder().server("127.0.0.1").port(server.getSmtp().getPort())
                .auth(Authentication.OAUTH2).username("svc@example.com")
                .oauth(new GatewayConfig.OAuthSettings(OAuthProvider.CUSTOM, null, "c", null, "https://x/token", null, null))
                .build();
    }

    @Test
    void aValidAccessTokenAuthenticatesWithXoauth2() throws Exception {
        GatewayConfig g = gateway();
        try (SMTPTransport t = SmtpConnector.connect(session(g), g, "access-token-1".toCharArray())) {
            assertTrue(t.isConnected());
        }
    }

    @Test
    void aRefusedAccessTokenFailsAuthentication() {
        GatewayConfig g = gateway();
        assertThrows(AuthenticationFailedException.class,
                () -> SmtpConnector.connect(session(g), g, "stale-token".toCharArray()));
    }

    private static Session session(GatewayConfig g) {
        return Session.getInstance(SmtpSessions.properties(g, PinnedTrust.of(List.of())));
    }
}
