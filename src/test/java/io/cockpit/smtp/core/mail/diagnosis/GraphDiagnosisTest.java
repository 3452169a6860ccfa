package io.cockpit.smtp.core.mail.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.testing.ByteSearch;
import io.cockpit.smtp.testing.GraphEndpoint;
import io.cockpit.smtp.testing.GraphGateway;
import io.cockpit.smtp.testing.OAuthServer;
import io.cockpit.smtp.testing.TestStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Tester la connexion" and the test email for a gateway that sends through Microsoft Graph. */
class GraphDiagnosisTest {
    @TempDir
    static Path certs;
    @TempDir
    Path dir;
    static TestCerts.Cert cert;

    @BeforeAll
    static void certificate() {
        cert = TestCerts.localhost(certs, "graph");
    }

    private static List<Step> steps(DiagnosisReport r) {
        return r.steps().stream().map(StepResult::step).toList();
    }

    @Test
    void aCheckObtainsTheTokenReachesGraphOverVerifiedTlsAndReadsThePermission() throws Exception {
        try (CoreServices s = TestStore.open(dir); OAuthServer oauth = new OAuthServer();
             GraphEndpoint graph = new GraphEndpoint(cert.serverContext())) {
            GatewayConfig g = GraphGateway.save(s, oauth, graph, cert.certificate());
            oauth.nextTokenWithRoles(List.of("Mail.Send"));
            DiagnosisReport r = s.diagnosis().check(g, DiagnosisListener.NONE, new Cancellation());
            assertTrue(r.ok(), r.toString());
            assertEquals(List.of(Step.TOKEN, Step.RESOLVE, Step.CONNECT, Step.TLS, Step.PERMISSION), steps(r));
            assertNotNull(r.tls().protocol());
            assertEquals(Detail.Code.ROLES, r.steps().get(4).details().get(0).code());
            assertTrue(graph.rawBodies().isEmpty(), "a check sends nothing");
        }
    }

    @Test
    void aTokenWithoutMailSendFailsAtThePermissionWithItsHint() throws Exception {
        try (CoreServices s = TestStore.open(dir); OAuthServer oauth = new OAuthServer();
             GraphEndpoint graph = new GraphEndpoint(cert.serverContext())) {
            GatewayConfig g = GraphGateway.save(s, oauth, graph, cert.certificate());
            oauth.nextTokenWithRoles(List.of("User.Read.All"));
            DiagnosisReport r = s.diagnosis().check(g, DiagnosisListener.NONE, new Cancellation());
            assertEquals(Step.PERMISSION, r.failedStep());
            assertEquals(Failure.PERMISSION_MISSING, r.failure());
            assertTrue(r.hints().contains(Hint.GRAPH_PERMISSION_MISSING));
        }
    }

    @Test
    void anUntrustedGraphCertificateStopsAtTls() throws Exception {
        try (CoreServices s = TestStore.open(dir); OAuthServer oauth = new OAuthServer();
             GraphEndpoint graph = new GraphEndpoint(cert.serverContext())) {
            GatewayConfig g = GraphGateway.save(s, oauth, graph, cert.certificate()).toBuilder()
                    .trustedCertificates(List.of()).build();
            DiagnosisReport r = s.diagnosis().check(g, DiagnosisListener.NONE, new Cancellation());
            assertEquals(Step.TLS, r.failedStep());
            assertEquals(Failure.CERT_UNTRUSTED, r.failure());
            assertNotNull(r.untrustedCertificate(), "shown so it can be pinned");
        }
    }

    @Test
    void aTestEmailShowsTheHttpExchangeWithTheTokenMasked() throws Exception {
        try (CoreServices s = TestStore.open(dir); OAuthServer oauth = new OAuthServer();
             GraphEndpoint graph = new GraphEndpoint(cert.serverContext())) {
            GatewayConfig g = GraphGateway.save(s, oauth, graph, cert.certificate());
            DiagnosisReport r = s.diagnosis().test(g, "admin@example.com", DiagnosisListener.NONE, new Cancellation());
            assertTrue(r.ok(), r.toString());
            assertEquals(Step.SEND, r.steps().get(r.steps().size() - 1).step());
            assertNotNull(r.messageId());
            String token = graph.received().get(0).authorization().substring("Bearer ".length());
            byte[] transcript = String.join("\n", r.transcript()).getBytes(StandardCharsets.UTF_8);
            assertTrue(r.transcript().contains("C: Authorization: Bearer ********"), r.transcript().toString());
            assertTrue(r.transcript().stream().anyMatch(l -> l.startsWith("S: HTTP/1.1 202")), r.transcript().toString());
            assertFalse(ByteSearch.contains(transcript, token.getBytes(StandardCharsets.UTF_8)));
            assertFalse(r.toString().contains(token));
            assertTrue(graph.received().get(0).mime().contains("Message-ID: " + r.messageId()));
            assertEquals(1, s.outbox().list(null, io.cockpit.smtp.core.outbox.Flow.TEST, 5).size(),
                    "the test email is in the outbox history");
        }
    }

    @Test
    void throttlingAndRefusalsAreNamed() throws Exception {
        try (CoreServices s = TestStore.open(dir); OAuthServer oauth = new OAuthServer();
             GraphEndpoint graph = new GraphEndpoint(cert.serverContext())) {
            GatewayConfig g = GraphGateway.save(s, oauth, graph, cert.certificate());
            graph.answerNext(429, 30);
            DiagnosisReport r = s.diagnosis().test(g, "admin@example.com", DiagnosisListener.NONE, new Cancellation());
            assertEquals(Failure.THROTTLED, r.failure());
            assertTrue(r.hints().contains(Hint.GRAPH_THROTTLED));
            assertTrue(r.lastReply().contains("retry after 30 s"), r.lastReply());
            graph.answerNext(403, 0);
            r = s.diagnosis().test(g, "admin@example.com", DiagnosisListener.NONE, new Cancellation());
            assertEquals(Failure.PERMISSION_MISSING, r.failure());
        }
    }
}
