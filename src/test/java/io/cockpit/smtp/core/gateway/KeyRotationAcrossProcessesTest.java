package io.cockpit.smtp.core.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.Launcher;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.core.store.ConflictException;
import io.cockpit.smtp.core.store.SealedSecret;
import io.cockpit.smtp.core.store.SecretBox;
import io.cockpit.smtp.testing.ChildJvm;
import io.cockpit.smtp.testing.EngineChild;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.ScriptedSmtpServer;
import io.cockpit.smtp.testing.TestStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review's three claims about {@code config rotate-key}, each tried with the rotation in one process and the
 * store's other user in another: a running engine, a form loaded before the rotation, a save waiting on the lock.
 */
class KeyRotationAcrossProcessesTest {
    @TempDir
    Path dir;
    ScriptedSmtpServer server;
    CoreServices s;

    @BeforeEach
    void open() throws Exception {
        server = new ScriptedSmtpServer().offerAuth(true);
        s = TestStore.open(dir);
        GatewayConfig g = TestStore.plainGateway(s, server.port(), GatewayStatus.ACTIVE);
        s.gateways().save(g.toBuilder().auth(Authentication.PASSWORD).username("svc")
                .password(s.gateways().sealPassword(g.name(), "s3cret".toCharArray())).build());
    }

    @AfterEach
    void close() throws Exception {
        s.close();
        server.close();
    }

    /** {@code config rotate-key} in a child JVM: the command as an operator runs it. */
    Process rotateInAnotherProcess() throws Exception {
        return ChildJvm.start(Launcher.class, dir.resolve("rotate.log"), "--db", dir.resolve("cockpit").toString(),
                "--key-file", TestStore.keyFile(dir).toString(), "config", "rotate-key");
    }

    int exitOf(Process p) throws Exception {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the rotation ends");
        return p.exitValue();
    }

    String log(String name) throws Exception {
        return Files.readString(dir.resolve(name));
    }

    @Test
    void anEngineInAnotherProcessKeepsSendingAfterTheKeyIsRotated() throws Exception {
        long first = s.outbox().enqueue(Outboxes.message("test", "a@example.org"));
        Process engine = EngineChild.start(StoreKind.H2, dir, "local", dir.resolve("engine.log"));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("started", out.readLine());
            Outboxes.await(() -> Outboxes.get(s, first).status() == OutboxStatus.SENT, Duration.ofSeconds(60));

            s.keyRotation().rotate();
            long second = s.outbox().enqueue(Outboxes.message("test", "b@example.org"));

            Outboxes.await(() -> Outboxes.get(s, second).status() != OutboxStatus.QUEUED
                    && Outboxes.get(s, second).status() != OutboxStatus.SENDING, Duration.ofSeconds(60));
            assertEquals(OutboxStatus.SENT, Outboxes.get(s, second).status(), Outboxes.get(s, second).lastError());
            assertEquals(List.of("s3cret", "s3cret"), server.secrets());
        } finally {
            engine.destroyForcibly();
            engine.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFormLoadedBeforeARotationElsewhereCannotSaveItsOldCiphertextBack() throws Exception {
        GatewayConfig form = s.gateways().loadPortal();
        s.gateways().openPassword(form); // this process now holds the old key

        assertEquals(0, exitOf(rotateInAnotherProcess()), () -> "rotate-key failed");

        assertThrows(ConflictException.class, () -> s.gateways().save(form.toBuilder().displayName("Helpdesk").build()));
        GatewayConfig now = s.gateways().loadPortal();
        assertTrue(now.version() > form.version(), "the rotation bumped the version it rewrote");
        assertArrayEquals("s3cret".toCharArray(), s.gateways().openPassword(now),
                "a process that held the old key reads what the new key sealed");
    }

    @Test
    void aPasswordSavedWhileTheRotationWaitsForTheLockIsKept() throws Exception {
        Process[] rotation = new Process[1];
        // Another console saves a new password: its transaction holds the row while the rotation starts.
        s.database().inTransaction(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT name FROM gateway WHERE name = ? FOR UPDATE")) {
                lock.setString(1, GatewayConfig.PORTAL);
                lock.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE gateway SET password_enc = ?, version = version + 1 WHERE name = ?")) {
                ps.setString(1, s.gateways().sealPassword(GatewayConfig.PORTAL, "n3w-secret".toCharArray()).ciphertext());
                ps.setString(2, GatewayConfig.PORTAL);
                ps.executeUpdate();
            }
            try {
                rotation[0] = rotateInAnotherProcess();
                // The rotation writes its new key before it touches the store: from then on it reads and waits.
                Outboxes.await(() -> {
                    try (var files = Files.list(dir)) {
                        return files.anyMatch(f -> f.getFileName().toString().startsWith("cockpit-smtp.key."));
                    } catch (java.io.IOException e) {
                        return false;
                    }
                }, Duration.ofSeconds(30));
                Thread.sleep(1500);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return null;
        });

        assertEquals(0, exitOf(rotation[0]), () -> "rotate-key failed");
        // Read with a box that holds no key yet, as a process started now would: only the lost update can fail this.
        SealedSecret stored = s.gateways().loadPortal().password();
        assertEquals("n3w-secret", new String(new SecretBox(TestStore.keyFile(dir)).open(stored, "gateway:portal:password")),
                "the password saved first is the one re-encrypted");
    }
}
