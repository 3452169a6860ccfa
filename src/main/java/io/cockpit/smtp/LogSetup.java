package io.cockpit.smtp;

import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.core.store.OwnerOnly;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
            root.addHandler(new FileOnFirstRecord(DbLocation.resolve(db, key).folder()));
        } catch (RuntimeException e) {
            // No place for a log (an unusable --db value): the store reports the location itself in plain words.
        }
    }

    /** The files of the log, current first ({@code cockpit-smtp.log.0} to {@code .4}). */
    static List<Path> files(Path folder) {
        List<Path> out = new ArrayList<>();
        for (int g = 0; g < FILES; g++) {
            out.add(folder.resolve(FILE_PATTERN.replace("%g", Integer.toString(g))));
        }
        return out;
    }

    /**
     * Opens the log file when the first record arrives; a folder that cannot be written means no log, not a failure.
     * The folder is made owner-only before anything is written in it, and every file of the log is owner-only: the
     * current one is made so before the handler opens it, and after a rotation (which makes a new one with the
     * process's default mode) the files are narrowed again before the next record — the folder already keeps them
     * from other users in between.
     */
    private static final class FileOnFirstRecord extends Handler {
        private final Path folder;
        private final Path current;
        private Handler target;
        private boolean failed;
        private long lastSize;

        FileOnFirstRecord(Path folder) {
            this.folder = folder;
            this.current = files(folder).get(0);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (target == null && !failed) {
                try {
                    OwnerOnly.createFolders(folder);
                    if (!Files.exists(current)) {
                        try {
                            OwnerOnly.createFile(current);
                        } catch (FileAlreadyExistsException raced) {
                            // Another process made it first.
                        }
                    }
                    OwnerOnly.restrict(current);
                    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s - %5$s%6$s%n");
                    FileHandler handler = new FileHandler(folder.resolve(FILE_PATTERN).toString(), LIMIT_BYTES, FILES, true);
                    handler.setFormatter(new SimpleFormatter());
                    handler.setEncoding("UTF-8");
                    target = handler;
                    lastSize = size();
                } catch (IOException | RuntimeException e) {
                    failed = true;
                }
            }
            if (target != null) {
                target.publish(record);
                long now = size();
                if (now < lastSize) {
                    files(folder).forEach(OwnerOnly::restrict);
                }
                lastSize = now;
            }
        }

        private long size() {
            try {
                return Files.size(current);
            } catch (IOException e) {
                return 0;
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
