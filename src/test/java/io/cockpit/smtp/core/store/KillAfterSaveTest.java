package io.cockpit.smtp.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.testing.TestStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A save acknowledged by a process survives that process being killed (kill -9) right after. */
class KillAfterSaveTest {
    @TempDir
    Path dir;

    @Test
    void aSaveSurvivesTheProcessBeingKilledRightAfter() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                SaveThenHang.class.getName(), dir.toString(), "killed.example.com", "Après kill"))
                .redirectErrorStream(true).start();
        String line;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            do {
                line = r.readLine();
            } while (line != null && !line.startsWith("SAVED"));
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals("SAVED 1", line);
        try (CoreServices core = TestStore.open(dir)) {
            GatewayConfig g = core.gateways().loadPortal();
            assertEquals("killed.example.com", g.server());
            assertEquals("Après kill", g.displayName());
            assertEquals(1, g.version());
        }
    }
}
