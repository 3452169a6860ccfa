package io.cockpit.smtp.core.store;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Which process serves an H2 store to the others. The first process to open the file hosts H2's automatic server and
 * writes its address and host name into the lock file beside the store ({@code server=ip:port}, {@code hostName});
 * every other process reaches the store through it. When that process is paused or stuck, nobody can use the store:
 * this finds it (on Linux, from the kernel's table of listening sockets and each process's open sockets), with its
 * command line and whether it is stopped, so that the sentence can say which process on which machine holds the store.
 */
public final class StoreServer {
    private StoreServer() {
    }

    /**
     * The process that serves the store.
     *
     * @param host the host name written in the lock file
     * @param address the server's address ("127.0.0.1:35085")
     * @param pid the process id when found on this machine, else null
     * @param command a short form of its command line ("cockpit-smtp.jar engine run --name lyon"), else null
     * @param stopped it is stopped (SIGSTOP, or held by a debugger): it will not answer until resumed
     */
    public record Process(String host, String address, Long pid, String command, boolean stopped) {
        /** "process 4242 (cockpit-smtp.jar engine run) on ws-042", or what is known of it. */
        public String describe() {
            StringBuilder s = new StringBuilder();
            if (pid != null) {
                s.append("process ").append(pid);
                if (command != null) {
                    s.append(" (").append(command).append(')');
                }
            } else {
                s.append("the process listening at ").append(address);
            }
            s.append(" on ").append(host);
            return s.toString();
        }
    }

    /** The lock file H2 keeps beside {@code databaseFile} ("cockpit.mv.db" → "cockpit.lock.db"). */
    static Path lockFileOf(Path databaseFile) {
        String name = databaseFile.getFileName().toString();
        String base = name.endsWith(".mv.db") ? name.substring(0, name.length() - ".mv.db".length()) : name;
        return databaseFile.resolveSibling(base + ".lock.db");
    }

    /** The serving process named by the store's lock file; empty when no process serves it (or not through a server). */
    public static Optional<Process> of(Path databaseFile) {
        Path lock = lockFileOf(databaseFile);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(lock, StandardCharsets.ISO_8859_1)) {
            p.load(r);
        } catch (IOException e) {
            return Optional.empty();
        }
        String server = p.getProperty("server");
        if (server == null) {
            return Optional.empty();
        }
        String host = p.getProperty("hostName", "?");
        int colon = server.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(server.substring(colon + 1));
        } catch (NumberFormatException e) {
            return Optional.of(new Process(host, server, null, null, false));
        }
        Optional<Long> pid = onThisMachine(host) ? listener(port) : Optional.empty();
        String shownHost = "localhost".equals(host) || host.startsWith("127.") ? localHostName() : host;
        return Optional.of(new Process(shownHost, server, pid.orElse(null), pid.flatMap(StoreServer::command).orElse(null),
                pid.map(StoreServer::stopped).orElse(false)));
    }

    private static boolean onThisMachine(String host) {
        return "localhost".equals(host) || host.startsWith("127.") || host.equalsIgnoreCase(localHostName());
    }

    static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this machine";
        }
    }

    /** The process holding a socket that listens on {@code port}, from /proc (Linux); empty elsewhere. */
    static Optional<Long> listener(int port) {
        List<String> inodes = new ArrayList<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // sl local_address rem_address st ... inode (10th field); 0A is LISTEN.
                    if (f.length > 9 && "0A".equals(f[3]) && f[1].endsWith(":" + String.format("%04X", port))) {
                        inodes.add(f[9]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table on this system
            }
        }
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                    for (Path fd : fds) {
                        String target = Files.readSymbolicLink(fd).toString();
                        for (String inode : inodes) {
                            if (target.equals("socket:[" + inode + "]")) {
                                return Optional.of(Long.parseLong(proc.getFileName().toString()));
                            }
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // another user's process, or gone meanwhile
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Stopped by a signal or a debugger ("T" or "t" in /proc/PID/stat). */
    static boolean stopped(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
            return state.equals("T") || state.equals("t");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The command line without the JVM's options and class path: the jar or main class and the command's words.
     */
    static Optional<String> command(long pid) {
        Optional<String[]> args = ProcessHandle.of(pid).flatMap(p -> p.info().arguments());
        if (args.isEmpty()) {
            return ProcessHandle.of(pid).flatMap(p -> p.info().command()).map(c -> Path.of(c).getFileName().toString());
        }
        List<String> shown = new ArrayList<>();
        String[] a = args.get();
        boolean mainFound = false;
        for (int i = 0; i < a.length; i++) {
            String x = a[i];
            if (!mainFound) {
                if (x.equals("-cp") || x.equals("-classpath") || x.equals("--class-path")) {
                    i++;
                    continue;
                }
                if (x.equals("-jar") && i + 1 < a.length) {
                    shown.add(Path.of(a[++i]).getFileName().toString());
                    mainFound = true;
                    continue;
                }
                if (x.startsWith("-")) {
                    continue;
                }
                int dot = x.lastIndexOf('.');
                shown.add(dot < 0 ? x : x.substring(dot + 1));
                mainFound = true;
                continue;
            }
            shown.add(x);
        }
        String s = String.join(" ", shown);
        return Optional.of(s.length() > 120 ? s.substring(0, 117) + "..." : s);
    }
}
