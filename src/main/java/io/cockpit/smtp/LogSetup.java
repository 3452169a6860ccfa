package io.cockpit.smtp;

import io.cockpit.smtp.core.store.DbLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * SLF4J goes to java.util.logging, and java.util.logging to {@code cockpit-smtp.log.0} beside the store, never to the
 * terminal (a command's output is its stdout and stderr only). Nothing logged ever holds a secret. The file is rotated
 * by size ({@code .0} the current one, up to {@code .4} the oldest), so an engine that runs for months never fills
 * the disk.
 *
 * <p>The file is opened by the first record, not at start-up: a file handler and its formatter cost tens of
 * milliseconds (time zone rules, format checks) that {@code --version} never needs, and that the console pays on the
 * thread opening the store rather than before its window.
 */
final class LogSetup {
    static final String FILE_PATTERN = "cockpit-smtp.log.%g";
    static final int LIMIT_BYTES = 5 * 1024 * 1024;
    static final int FILES = 5;

    private LogSetup() {
    }

    static void toFileBesideStore(String[] args) {
        String db = null;
        String key = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--db") && i + 1 < args.length) db = args[i + 1];
            else if (args[i].startsWith("--db=")) db = args[i].substring(5);
            else if (args[i].equals("--key-file") && i + 1 < args.length) key = args[i + 1];
            else if (args[i].startsWith("--key-file=")) key = args[i].substring(11);
        }
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        try {
            root.addHandler(new FileOnFirstRecord(DbLocation.resolve(db, key).folder().resolve(FILE_PATTERN)));
        } catch (RuntimeException e) {
            // No place for a log (an unusable --db value): the store reports the location itself in plain words.
        }
    }

    /** Opens the log file when the first record arrives; a folder that cannot be written means no log, not a failure. */
    private static final class FileOnFirstRecord extends Handler {
        private final Path file;
        private Handler target;
        private boolean failed;

        FileOnFirstRecord(Path file) {
            this.file = file;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (target == null && !failed) {
                try {
                    Files.createDirectories(file.getParent());
                    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s - %5$s%6$s%n");
                    FileHandler handler = new FileHandler(file.toString(), LIMIT_BYTES, FILES, true);
                    handler.setFormatter(new SimpleFormatter());
                    handler.setEncoding("UTF-8");
                    target = handler;
                } catch (IOException | RuntimeException e) {
                    failed = true;
                }
            }
            if (target != null) {
                target.publish(record);
            }
        }

        @Override
        public synchronized void flush() {
            if (target != null) {
                target.flush();
            }
        }

        @Override
        public synchronized void close() {
            if (target != null) {
                target.close();
            }
        }
    }
}
