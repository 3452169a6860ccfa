package io.cockpit.smtp.core.mail.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.Security;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server that never answers: the check ends by its own timeouts, and Cancel ends it at once. The bounds are
 * generous (several times the work) so a slow machine cannot fail them; what they rule out is waiting forever, or
 * waiting for the full read timeout after Cancel.
 */
class TimeoutAndCancelTest extends DiagnosisTestBase {
    @Test
    void silentServerEndsWithinTheConfiguredTimeouts() throws Exception {
        try (var server = new TestSmtp.Silent()) {
            GatewayConfig g = fx.gateway(server.port(), Security.STARTTLS).toBuilder()
                    .connectTimeoutSeconds(2).readTimeoutSeconds(1).build();
            CompletableFuture<DiagnosisReport> run = CompletableFuture.supplyAsync(() -> check(g));
            // connect + greeting read + the implicit-TLS probe's read, with a wide margin
            DiagnosisReport r = run.get(2 + 1 + 1 + 20, TimeUnit.SECONDS);
            assertEquals(Failure.SERVER_SILENT, r.failure());
            assertEquals(Step.GREETING, r.failedStep());
        }
    }

    @Test
    void cancelEndsTheCheckAtOnce() throws Exception {
        try (var server = new TestSmtp.Silent()) {
            int readTimeout = 120;
            GatewayConfig g = fx.gateway(server.port(), Security.STARTTLS).toBuilder()
                    .readTimeoutSeconds(readTimeout).build();
            Cancellation cancellation = new Cancellation();
            CountDownLatch waitingForGreeting = new CountDownLatch(1);
            DiagnosisListener listener = new DiagnosisListener() {
                @Override
                public void stepStarted(Step step) {
                    if (step == Step.GREETING) {
                        waitingForGreeting.countDown();
                    }
                }
            };
            CompletableFuture<DiagnosisReport> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return fx.diagnosis.check(g, listener, cancellation);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(waitingForGreeting.await(30, TimeUnit.SECONDS));
            cancellation.cancel();
            // far less than the 120 s the read would otherwise wait
            DiagnosisReport r = run.get(readTimeout / 4, TimeUnit.SECONDS);
            assertFalse(r.ok());
            assertEquals(Failure.CANCELLED, r.failure());
        }
    }

    @Test
    void cancelBeforeStartRunsNothing() throws Exception {
        try (var server = new TestSmtp.Silent()) {
            Cancellation cancellation = new Cancellation();
            cancellation.cancel();
            DiagnosisReport r = fx.diagnosis.check(fx.gateway(server.port(), Security.NONE), DiagnosisListener.NONE,
                    cancellation);
            assertEquals(Failure.CANCELLED, r.failure());
            assertEquals(Step.RESOLVE, r.failedStep());
        }
    }

    private static DiagnosisReport check(GatewayConfig g) {
        try {
            return fx.check(g);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
