package io.cockpit.smtp;

import io.cockpit.smtp.cli.Cli;
import io.cockpit.smtp.core.store.DbLocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the installer's class-data sharing archive: run once at build time by the installed runtime
 * with {@code -XX:ArchiveClassesAtExit}, it does what a user does first (the commands, then the console until its
 * first screen is up) on a throw-away store, so the classes they load are archived already parsed and verified.
 *
 * <p>It lives in the application's jar, not in the build's tools, because an archive is only used with the very
 * class path it was made with: the jar and nothing else.
 */
public final class CdsTraining {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());
    /** A folder with {@code training.p12} (password "training") and {@code training.pem}, for the TLS test. */
    static final String TLS_PROPERTY = "cockpit.training.tls";

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("cockpit-smtp-training");
        try {
            String[] store = {"--db", work.resolve("cockpit").toString(), "--key-file", work.resolve("training.key").toString()};
            LogSetup.toFileBesideStore(store);
            int closedPort;
            try (ServerSocket s = new ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            List<List<String>> commands = List.of(
                    List.of("--version"),
                    List.of("gateway", "show"),
                    List.of("gateway", "show", "--json"),
                    List.of("gateway", "set", "--server", "127.0.0.1", "--port", String.valueOf(closedPort), "--security",
                            "none", "--auth", "none", "--from", "training@example.com", "--status", "active",
                            "--connect-timeout", "2", "--read-timeout", "2"),
                    List.of("send", "--flow", "password-reset", "--to", "user@example.com", "--lang", "en", "--var", "LOGIN=user"),
                    List.of("gateway", "test", "--to", "admin@example.com"),
                    List.of("gateway", "test", "--to", "admin@example.com", "--json"),
                    List.of("outbox", "list"),
                    List.of("format", "show"),
                    List.of("config", "history"));
            for (List<String> command : commands) {
                run(store, command, "");
            }
            String tls = System.getProperty(TLS_PROPERTY);
            if (tls != null) {
                // The first test of a real server: STARTTLS, a pinned certificate, AUTH, then the message.
                try (TrainingSmtpServer server = TrainingSmtpServer.start(Path.of(tls, "training.p12"),
                        "training".toCharArray())) {
                    run(store, List.of("gateway", "set", "--server", "localhost", "--port", String.valueOf(server.port()),
                            "--security", "starttls", "--auth", "password", "--username", "training",
                            "--password-stdin", "--trust-cert", Path.of(tls, "training.pem").toString(),
                            "--connect-timeout", "5", "--read-timeout", "5"), "training-password\n");
                    run(store, List.of("gateway", "check"), "");
                    run(store, List.of("gateway", "test", "--to", "admin@example.com"), "");
                    run(store, List.of("gateway", "test", "--to", "admin@example.com", "--json"), "");
                } catch (Exception e) {
                    System.err.println("the TLS part of the training failed, the archive leaves it out: " + e);
                }
            } else {
                System.err.println("no " + TLS_PROPERTY + ": the archive leaves out the classes of a TLS test");
            }
            if (System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null) {
                ConsoleTraining.openUntilFirstScreen(DbLocation.resolve(store[1], store[3]));
            } else {
                System.err.println("no display: the archive covers the commands only, not the console");
            }
        } finally {
            deleteTree(work);
        }
        // The archive is written as the JVM exits.
        System.exit(0);
    }

    private static void run(String[] store, List<String> command, String stdin) {
        List<String> line = new ArrayList<>(List.of(store));
        line.addAll(command);
        Cli.run(line.toArray(String[]::new), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), NOWHERE,
                NOWHERE, null);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
