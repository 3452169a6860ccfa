package io.cockpit.smtp.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real PostgreSQL server for the whole test JVM, started on first use and stopped when the JVM ends. It runs the
 * PostgreSQL 15 binaries from the test class path (as root only through a user namespace, {@code unshare -U}); where
 * that cannot run, the system's own PostgreSQL ({@code /usr/lib/postgresql/N/bin}, Debian's package). The system one
 * can be forced with {@code -Dtest.postgres=system}.
 *
 * <p>The superuser {@code postgres} logs in without a password (the fixture's own work); every other user logs in
 * with a SCRAM password, as on a real server. Each test store gets a database of its own, owned by {@link #APP_USER},
 * which may create roles (CREATEROLE) as the README asks of a store's owner: the store's group roles are made by it.
 * Durability is off (fsync, synchronous commit): the tests check behaviour, not power cuts.
 */
public final class PostgresServer {
    public static final String APP_USER = "cockpit_app";
    public static final String APP_PASSWORD = "app-Pa55-word";
    private static final String SUPERUSER = "postgres";
    private static final Map<String, String> SETTINGS = Map.of("fsync", "off", "synchronous_commit", "off",
            "full_page_writes", "off", "max_connections", "300", "listen_addresses", "127.0.0.1");
    /** A database that refuses connections without TLS (the server has none: every connection to it is refused). */
    public static final String TLS_ONLY_DATABASE = "tls_only";
    private static final String HBA = String.join("\n",
            "local all all trust",
            "host all " + SUPERUSER + " 127.0.0.1/32 trust",
            "hostnossl " + TLS_ONLY_DATABASE + " all 127.0.0.1/32 reject",
            "host all all 127.0.0.1/32 scram-sha-256",
            "");

    private static PostgresServer instance;

    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(int port) {
        this.port = port;
    }

    /** The server, started on first call. */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = start();
            instance.superuserSql("postgres", "CREATE ROLE " + APP_USER + " LOGIN CREATEROLE PASSWORD '" + APP_PASSWORD + "'");
        }
        return instance;
    }

    private static PostgresServer start() {
        String mode = System.getProperty("test.postgres", "embedded");
        Exception embeddedFailure = null;
        if (!mode.equals("system")) {
            try {
                PostgresServer s = startEmbedded();
                System.out.println("PostgreSQL for the tests: the embedded binaries, port " + s.port);
                return s;
            } catch (Exception e) {
                embeddedFailure = e;
            }
        }
        try {
            PostgresServer s = SystemPostgres.start();
            System.out.println("PostgreSQL for the tests: the system's binaries, port " + s.port
                    + (embeddedFailure == null ? "" : " (the embedded ones failed: " + embeddedFailure + ")"));
            return s;
        } catch (Exception e) {
            AssertionError failure = new AssertionError("no PostgreSQL server for the tests: the embedded binaries failed ("
                    + embeddedFailure + ") and the system's failed (" + e + "); install Debian's postgresql package");
            failure.addSuppressed(e);
            if (embeddedFailure != null) {
                failure.addSuppressed(embeddedFailure);
            }
            throw failure;
        }
    }

    private static PostgresServer startEmbedded() throws IOException {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder();
        SETTINGS.forEach(b::setServerConfig);
        b.setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()));
        EmbeddedPostgres pg = b.start();
        return new PostgresServer(pg.getPort());
    }

    static void writeHba(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), HBA, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A new, empty database owned by {@link #APP_USER}; returns its name. */
    public String newDatabase() {
        String name = "store_" + databases.incrementAndGet();
        superuserSql("postgres", "CREATE DATABASE " + name + " OWNER " + APP_USER);
        return name;
    }

    /** Runs statements as the superuser on {@code database}. */
    public void superuserSql(String database, String... statements) {
        try (Connection c = superuser(database); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("fixture SQL failed: " + String.join("; ", statements), e);
        }
    }

    /** A superuser connection to {@code database} (auto-commit). */
    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(url(database) + "?user=" + SUPERUSER);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Debian's PostgreSQL, run by hand in a temporary folder (as the {@code postgres} user when we are root). */
    static final class SystemPostgres {
        static PostgresServer start() throws IOException, InterruptedException {
            Path bin = binaries();
            Path data = Files.createTempDirectory("cockpit-pg-");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "postgres:postgres", data.toString()));
            }
            run(as(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", SUPERUSER,
                    "-E", "UTF-8", "--no-sync"));
            writeHba(data);
            int port = freePort();
            StringBuilder options = new StringBuilder("-p " + port + " -k " + data);
            SETTINGS.forEach((k, v) -> options.append(" -c ").append(k).append('=').append(v));
            run(as(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options.toString(),
                    "-l", data.resolve("server.log").toString(), "-w", "start"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(as(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"));
                    try (Stream<Path> all = Files.walk(data)) {
                        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                } catch (Exception e) {
                    // The JVM is ending: a server left behind dies with the machine's temporary folder.
                }
            }, "postgres-stop"));
            return new PostgresServer(port);
        }

        private static Path binaries() throws IOException {
            Path root = Path.of("/usr/lib/postgresql");
            try (Stream<Path> versions = Files.list(root)) {
                return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(Path::toString))
                        .orElseThrow(() -> new IOException("no initdb under " + root));
            }
        }

        private static List<String> as(boolean root, String... command) {
            List<String> out = new ArrayList<>();
            if (root) {
                out.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            out.addAll(List.of(command));
            return out;
        }

        private static void run(List<String> command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        }
    }
}
