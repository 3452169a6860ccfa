package io.cockpit.smtp.bench;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.core.outbox.OutboxQuery;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.BulkOutbox;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first page of a search of the outbox at a million messages, on H2 and PostgreSQL, with the search's indexes and
 * then without them (the same queries, the indexes dropped). Prints one Markdown table a store (median and slowest of
 * {@value #RUNS} runs after {@value #WARMUP} warm-up runs, in milliseconds), as in docs/benchmarks/search.md.
 *
 * <p>Run with the test class path (a PostgreSQL for the tests is started as {@code PostgresServer} does):
 * {@code mvn -B -o test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt},
 * then {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.cockpit.smtp.bench.SearchLatency
 * [messages]}.
 */
public final class SearchLatency {
    private static final int WARMUP = 5;
    private static final int RUNS = 21;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        for (StoreKind kind : StoreKind.values()) {
            Path dir = Files.createTempDirectory("search-bench");
            try (CoreServices s = TestStore.open(kind, dir)) {
                long t0 = System.nanoTime();
                BulkOutbox.fill(s.database(), count, START);
                System.out.printf("%n%s: %,d messages inserted in %.0f s%n", kind.cliName(), count,
                        (System.nanoTime() - t0) / 1e9);
                analyze(s, kind);
                Map<String, double[]> indexed = measure(s, count);
                dropSearchIndexes(s, kind);
                analyze(s, kind);
                Map<String, double[]> bare = measure(s, count);
                System.out.println("| search (first page of 500) | with its index: median | slowest | without: median "
                        + "| slowest |");
                System.out.println("| --- | ---: | ---: | ---: | ---: |");
                for (String name : indexed.keySet()) {
                    double[] a = indexed.get(name);
                    double[] b = bare.get(name);
                    System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f |%n", name, a[0], a[1], b[0], b[1]);
                }
            }
        }
    }

    private static Map<String, double[]> measure(CoreServices s, long count) {
        long rare = count * 7 / 10;
        Map<String, OutboxQuery> queries = new LinkedHashMap<>();
        queries.put("newest, no filter", OutboxQuery.newest(500));
        queries.put("one recipient (`--to`)", query(null, BulkOutbox.recipient(rare), null, null, null));
        queries.put("Message-ID", query(null, null, null, "bulk-" + rare + "@example.com", null));
        queries.put("flow password-reset", query(Flow.PASSWORD_RESET, null, null, null, null));
        queries.put("one recipient, one day", new OutboxQuery(null, null, null, BulkOutbox.recipient(rare), null, null,
                START.plusSeconds(rare - 3600), START.plusSeconds(rare + 82800), 500, null));
        queries.put("subject word, frequent (\"mot de passe\")", query(null, null, "mot de passe", null, null));
        queries.put("subject word, one message (\"Ticket " + (rare + 1) + " \")",
                query(null, null, "Ticket " + (rare + 1) + " ", null, null));
        Map<String, double[]> out = new LinkedHashMap<>();
        queries.forEach((name, q) -> {
            for (int i = 0; i < WARMUP; i++) {
                s.outbox().search(q);
            }
            double[] ms = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                s.outbox().search(q);
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            out.put(name, new double[] {ms[RUNS / 2], ms[RUNS - 1]});
        });
        return out;
    }

    private static OutboxQuery query(Flow flow, String to, String subject, String messageId, String engine) {
        return new OutboxQuery(null, flow, engine, to, subject, messageId, null, null, 500, null);
    }

    private static void analyze(CoreServices s, StoreKind kind) {
        if (kind == StoreKind.POSTGRESQL) {
            sql(s, List.of("ANALYZE outbox_message", "ANALYZE outbox_recipient"));
        }
    }

    /** Every index the search added (V9) and the Message-ID's unique constraint: the outbox as it was before. */
    private static void dropSearchIndexes(CoreServices s, StoreKind kind) {
        List<String> drops = new ArrayList<>(List.of("DROP INDEX outbox_created_id", "DROP INDEX outbox_status_created",
                "DROP INDEX outbox_flow_created", "DROP INDEX outbox_engine_created",
                "ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_id_unique"));
        drops.add(kind == StoreKind.H2 ? "DROP INDEX outbox_recipient_address"
                : "DROP INDEX outbox_recipient_address_lower");
        if (kind == StoreKind.POSTGRESQL) {
            drops.add("DROP INDEX IF EXISTS outbox_subject_trigrams");
        }
        // The index on the creation time alone that the outbox had before the search (V9 replaced it).
        drops.add("CREATE INDEX outbox_created ON outbox_message (created_at)");
        sql(s, drops);
    }

    private static void sql(CoreServices s, List<String> statements) {
        s.database().inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                for (String q : statements) {
                    st.execute(q);
                }
            }
            return null;
        });
    }

    private SearchLatency() {
    }
}
