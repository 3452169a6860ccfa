package io.cockpit.smtp.core.engine;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.outbox.NewMessage;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.EngineChild;
import io.cockpit.smtp.testing.OnEveryStore;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.ScriptedSmtpServer;
import io.cockpit.smtp.testing.TestStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Two engine processes and the console's engine on one store, each sending the messages routed to it: each message is
 * sent once; a killed engine goes offline, its messages wait for it, and the next process that runs it sends them. On
 * PostgreSQL an idle engine is woken by the store as soon as a message for it is queued, not at its next poll.
 */
@OnEveryStore
class EnginesOnOneStoreTest {
    static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID: (<[^>]+>)");
    @Parameter StoreKind store;
    @TempDir Path dir;

    Process engine(String name, String... settings) throws Exception {
        List<String> all = new ArrayList<>(List.of("batch=5", "connections=2", "poll=200"));
        all.addAll(List.of(settings));
        return EngineChild.started(store, dir, name, dir.resolve(name + "-" + System.nanoTime() + ".log"),
                all.toArray(String[]::new));
    }

    static Map<String, Integer> countByMessageId(List<String> accepted) {
        Map<String, Integer> n = new HashMap<>();
        for (String src : accepted) {
            Matcher m = MESSAGE_ID.matcher(src);
            assertTrue(m.find());
            n.merge(m.group(1), 1, Integer::sum);
        }
        return n;
    }

    @Test
    void eachMessageIsSentOnceByItsEngineAndAKilledEnginesMessagesWaitForItsNextRun() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer().data(n -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "250 2.0.0 ok " + n;
        }); CoreServices s = TestStore.open(store, dir)) {
            TestStore.plainGateway(s, server.port(), GatewayStatus.ACTIVE);
            s.engineRegistry().add("lyon", true);
            s.engineRegistry().add("lille", true);
            Map<Long, String> engineOf = new HashMap<>();
            List<NewMessage> batch = new ArrayList<>();
            List<String> engines = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                batch.add(Outboxes.message("ticket-notification", "user" + i + "@example.org"));
                engines.add("local");
                for (String remote : List.of("lyon", "lille")) {
                    batch.add(new NewMessage("supervision-alert", List.of("noc" + i + "@" + remote + ".example.org"), "fr",
                            null, "alert " + i, "disk", Map.of(), remote));
                    engines.add(remote);
                }
            }
            List<Long> ids = s.outbox().enqueueAll(batch);
            Set<String> stored = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                engineOf.put(ids.get(i), engines.get(i));
                stored.add(Outboxes.get(s, ids.get(i)).messageId());
            }
            EngineRunner console = s.engineRunner("local");
            assertTrue(console.start().isEmpty(), "the console runs its local engine");
            Process lyon = engine("lyon");
            Process lille = engine("lille");
            Process lilleAgain = null;
            try {
                Outboxes.await(() -> sent(s, "lille") >= 10, Duration.ofSeconds(60));
                lille.destroyForcibly();
                assertTrue(lille.waitFor(30, TimeUnit.SECONDS));
                Outboxes.await(() -> !s.engineOverview().find("lille").orElseThrow().online(), Duration.ofSeconds(10));
                Outboxes.await(() -> sent(s, "local") == 60 && sent(s, "lyon") == 60, Duration.ofSeconds(120));
                EngineStatus waiting = s.engineOverview().find("lille").orElseThrow();
                assertFalse(waiting.online());
                assertTrue(waiting.counts().queued() + waiting.counts().sending() > 0, "its messages wait for it");
                assertTrue(s.engineOverview().find("lyon").orElseThrow().online());
                lilleAgain = engine("lille");
                Outboxes.await(() -> sent(s, "lille") == 60, Duration.ofSeconds(120));
            } finally {
                console.stop(Duration.ofSeconds(10));
                lyon.destroy();
                if (lilleAgain != null) {
                    lilleAgain.destroy();
                }
                lyon.waitFor(30, TimeUnit.SECONDS);
            }
            Map<String, Integer> arrived = countByMessageId(server.accepted());
            assertEquals(stored, arrived.keySet(), "every message arrived");
            long twice = arrived.values().stream().filter(n -> n > 1).count();
            assertTrue(arrived.values().stream().allMatch(n -> n <= 2), "none more than twice");
            // At most the killed engine's messages in flight (one a connection) arrive twice.
            assertTrue(twice <= 2, "sent twice: " + twice);
        }
    }

    @Test
    void twoEnginesStartedAtTheSameMomentBothOpenTheStore() throws Exception {
        try (CoreServices s = TestStore.open(store, dir)) {
            s.engineRegistry().add("lyon", true);
        }
        for (int round = 0; round < 3; round++) {
            List<Process> both = new ArrayList<>();
            for (String name : List.of("local", "lyon")) {
                both.add(EngineChild.start(store, dir, name, dir.resolve(name + "-" + round + ".log")));
            }
            try {
                for (int i = 0; i < both.size(); i++) {
                    BufferedReader out = new BufferedReader(new InputStreamReader(both.get(i).getInputStream(),
                            StandardCharsets.UTF_8));
                    assertEquals("started", out.readLine(), "round " + round + ": " + java.nio.file.Files.readString(
                            dir.resolve((i == 0 ? "local" : "lyon") + "-" + round + ".log")));
                }
            } finally {
                for (Process p : both) {
                    p.destroy();
                    p.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    /**
     * An engine idle on a long poll gets a message queued by another process: on PostgreSQL the store's NOTIFY wakes it
     * at once (asserted far below the poll, so that a loaded machine does not fail it); on H2 it finds the message at
     * its next poll (one round, as it costs up to a poll). The delays are printed for the benchmark page.
     */
    @Test
    void anIdleEngineIsWokenByTheStoreOnPostgresqlAndFindsTheMessageAtItsPollOnH2() throws Exception {
        long pollMillis = 30_000;
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(); CoreServices s = TestStore.open(store, dir)) {
            TestStore.plainGateway(s, server.port(), GatewayStatus.ACTIVE);
            s.engineRegistry().add("lyon", true);
            Process lyon = engine("lyon", "poll=" + pollMillis);
            try {
                List<Long> delays = new ArrayList<>();
                int rounds = store == StoreKind.POSTGRESQL ? 3 : 1;
                for (int i = 0; i < rounds; i++) {
                    // Idle: its lanes found nothing and wait for the poll, or for the store to tell them.
                    Thread.sleep(1500);
                    int before = server.accepted().size();
                    long t0 = System.nanoTime();
                    s.outbox().enqueue(new NewMessage("supervision-alert", List.of("noc@example.org"), "fr", null,
                            "alert " + i, "disk", Map.of(), "lyon"));
                    Outboxes.await(() -> server.accepted().size() > before, Duration.ofMillis(pollMillis * 2));
                    delays.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                }
                System.out.println("pickup delay on " + store + " with a poll of " + pollMillis + " ms: " + delays + " ms");
                if (store == StoreKind.POSTGRESQL) {
                    assertTrue(delays.stream().allMatch(d -> d < 5000), "woken, not polled: " + delays);
                }
            } finally {
                lyon.destroy();
                lyon.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    static long sent(CoreServices s, String engine) {
        return s.outbox().list(OutboxStatus.SENT, null, 0).stream().filter(m -> m.engine().equals(engine)).count();
    }
}
