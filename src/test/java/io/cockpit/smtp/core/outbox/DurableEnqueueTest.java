package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.testing.ChildJvm;
import io.cockpit.smtp.testing.EnqueueAndHang;
import io.cockpit.smtp.testing.TestStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableEnqueueTest {
    @TempDir Path dir;

    @Test
    void messageWhoseIdWasPrintedSurvivesKillMinus9() throws Exception {
        Process child = ChildJvm.start(EnqueueAndHang.class, dir.resolve("child.log"), dir.toString());
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
            assertNotNull(line, "the child printed no id");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        long id = Long.parseLong(line.trim());
        try (CoreServices s = TestStore.open(dir)) {
            OutboxMessage m = s.outbox().find(id).orElseThrow(() -> new AssertionError("message " + id + " was lost"));
            assertEquals("kill9@example.com", m.to().get(0));
            assertEquals(OutboxStatus.QUEUED, m.status());
        }
    }
}
