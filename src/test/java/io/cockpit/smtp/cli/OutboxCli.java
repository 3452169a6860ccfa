package io.cockpit.smtp.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process against a test store. */
record OutboxCli(int code, String out, String err) {
    static OutboxCli withStdin(Path dir, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", dir.resolve("db").toString(), "--key-file", dir.resolve("test.key").toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(all.toArray(new String[0]), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), null);
        return new OutboxCli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static OutboxCli run(Path dir, String... args) {
        return withStdin(dir, "", args);
    }
}
