package io.cockpit.smtp.testing;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.outbox.SenderSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Child process: runs an engine in the background until killed. Args: store folder, engine name (default "local"),
 * then optional settings: batch=N connections=N poll=MILLIS lease=SECONDS (the lease's base).
 */
public final class EngineChild {
    public static void main(String[] args) throws Exception {
        CoreServices s = TestStore.open(Path.of(args[0]));
        String engine = args.length > 1 ? args[1] : "local";
        SenderSettings settings = SenderSettings.DEFAULT;
        for (int i = 2; i < args.length; i++) {
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
}
