package io.cockpit.smtp.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a main class of the test class path in a child JVM (to kill it for real). */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * As {@link #start(Class, Path, String...)}, with options for the child JVM (such as a small heap) and its standard
     * input left open for the test to write.
     */
    public static Process startWithInput(List<String> jvmOptions, Class<?> main, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Djava.util.logging.config.file=/dev/null");
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectError(log.toFile());
        return pb.start();
    }

    public static Process start(Class<?> main, Path log, String... args) throws IOException {
        return start(main, log, Map.of(), args);
    }

    /** With {@code env} added to this JVM's environment (a server store's login). */
    public static Process start(Class<?> main, Path log, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Djava.util.logging.config.file=/dev/null");
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.redirectError(log.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return pb.start();
    }

    /** Pauses the process as an administrator's kill -STOP does (it keeps its sockets and files, and answers nothing). */
    public static void pause(Process p) throws IOException, InterruptedException {
        signal(p, "STOP");
    }

    public static void resume(Process p) throws IOException, InterruptedException {
        signal(p, "CONT");
    }

    private static void signal(Process p, String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + p.pid() + " failed");
        }
    }
}
