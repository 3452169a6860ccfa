package io.cockpit.smtp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.TestStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process against a store in a test folder, capturing exit code, stdout and stderr. */
public record CliRun(int code, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** On the H2 store of {@code dir}. */
    public static CliRun run(Path dir, String stdin, String... args) {
        return run(StoreKind.H2, dir, stdin, args);
    }

    /**
     * On the store of {@code dir} of that kind ({@link TestStore}), with the tests' PostgreSQL login in the environment
     * whatever the kind, as an administrator's shell has it when a command (a copy) names a server store besides --db.
     */
    public static CliRun run(StoreKind kind, Path dir, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", TestStore.db(kind, dir),
                "--key-file", TestStore.keyFile(dir).toString()));
        all.addAll(List.of(args));
        return runWith(TestStore.env(StoreKind.POSTGRESQL), stdin, all.toArray(String[]::new));
    }

    /** Exactly these arguments and this environment: nothing added. */
    public static CliRun runWith(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, env,
                new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                loc -> { throw new AssertionError("the console must not open from a command"); });
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (Exception e) {
            throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
        }
    }
}
