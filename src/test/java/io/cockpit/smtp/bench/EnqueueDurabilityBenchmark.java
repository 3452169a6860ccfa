package io.cockpit.smtp.bench;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.outbox.NewMessage;
import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.core.store.DbLogin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What it costs to have an enqueued message on disk before its id is returned: {@code send} of one message and
 * {@code send --batch} of 100, through the outbox service as the command calls it, on an H2 file and on a PostgreSQL
 * server with its default durability (fsync and synchronous commit on). {@code synced} is the program's behaviour;
 * {@code commit-only} runs the same enqueue inside an enclosing transaction, whose commit is not followed by a sync:
 * the behaviour before (on H2, {@code WRITE_DELAY=0} hands the pages to the operating system, nothing more). Files
 * and the server's data live under {@code target/} (a real disk, not a memory file system). Run (see
 * docs/benchmarks/durability.md):
 * {@code mvn -o -B test-compile exec:exec@jmh -Djmh.args="EnqueueDurabilityBenchmark -f1 -wi 3 -i 5 -w 2 -r 3"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EnqueueDurabilityBenchmark {
    @Param({"h2", "postgresql"})
    String store;

    @Param({"1", "100"})
    int batch;

    @Param({"synced", "commit-only"})
    String durability;

    Path folder;
    EmbeddedPostgres server;
    CoreServices services;
    List<NewMessage> messages;

    @Setup
    public void open() throws Exception {
        Path base = Files.createDirectories(Path.of("target", "bench-stores"));
        folder = Files.createTempDirectory(base.toAbsolutePath(), "enqueue-");
        String db = folder.resolve("cockpit").toString();
        Map<String, String> env = Map.of();
        if (store.equals("postgresql")) {
            // The binaries' defaults: fsync on, synchronous_commit on.
            server = EmbeddedPostgres.builder().setDataDirectory(folder.resolve("pgdata")).start();
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE bench");
            }
            db = "jdbc:postgresql://localhost:" + server.getPort() + "/bench";
            env = Map.of(DbLogin.ENV_USER, "postgres");
        }
        services = CoreServices.open(DbLocation.resolve(db, folder.resolve("cockpit-smtp.key").toString(), env));
        String body = ("x".repeat(75) + "\n").repeat(13);
        messages = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            messages.add(new NewMessage("test", List.of("u" + i + "@example.com"), "fr", null, "bench " + i, body,
                    Map.of(), null));
        }
    }

    @Benchmark
    public List<Long> enqueue() throws Exception {
        if (durability.equals("synced")) {
            return services.outbox().enqueueAll(messages);
        }
        return services.database().atomically(() -> services.outbox().enqueueAll(messages));
    }

    @TearDown
    public void close() throws Exception {
        services.close();
        if (server != null) {
            server.close();
        }
    }
}
