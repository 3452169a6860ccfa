package io.cockpit.smtp.testing;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.outbox.SenderSettings;
import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.core.store.StoreKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process: runs an engine in the background until killed, printing "started" (or "busy" when another process
 * holds it). Args: the store ({@code --db}'s value), the key file, the engine's name, then optional settings:
 * batch=N connections=N poll=MILLIS lease=SECONDS (the lease's base). A server store's login comes from the
 * environment, as for the CLI.
 */
public final class EngineChild {
    public static void main(String[] args) throws Exception {
        CoreServices s = CoreServices.open(DbLocation.resolve(args[0], args[1]));
        String engine = args[2];
        SenderSettings settings = SenderSettings.DEFAULT;
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            settings = switch (kv[0]) {
                case "batch" -> new SenderSettings(Integer.parseInt(kv[1]), settings.poll(), settings.retry(),
                        settings.connections(), settings.leaseBase());
                case "connections" -> settings.withConnections(Integer.parseInt(kv[1]));
                case "poll" -> new SenderSettings(settings.batchSize(), Duration.ofMillis(Long.parseLong(kv[1])),
                        settings.retry(), settings.connections(), settings.leaseBase());
                case "lease" -> settings.withLeaseBase(Duration.ofSeconds(Long.parseLong(kv[1])));
                default -> throw new IllegalArgumentException(args[i]);
            };
        }
        s.senderSettings(settings);
        if (s.engineRunner(engine).start().isPresent()) {
            System.out.println("busy");
        } else {
            System.out.println("started");
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Starts {@code engine} on the store of {@code dir} in a child JVM (not waiting for it), its stderr in {@code log}. */
    public static Process start(StoreKind kind, Path dir, String engine, Path log, String... settings) throws Exception {
        List<String> args = new ArrayList<>(List.of(TestStore.db(kind, dir), TestStore.keyFile(dir).toString(), engine));
        args.addAll(List.of(settings));
        return ChildJvm.start(EngineChild.class, log, TestStore.env(kind), args.toArray(String[]::new));
    }

    /** {@link #start}, then waits until the child says "started" (fails the test when it says anything else). */
    public static Process started(StoreKind kind, Path dir, String engine, Path log, String... settings) throws Exception {
        Process p = start(kind, dir, engine, log, settings);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (!"started".equals(first)) {
            p.destroyForcibly();
            throw new AssertionError("engine " + engine + " said " + first + ": " + java.nio.file.Files.readString(log));
        }
        return p;
    }
}
