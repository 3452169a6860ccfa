package io.cockpit.smtp;

import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.core.store.OwnerOnly;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * SLF4J goes to java.util.logging, and java.util.logging to {@code cockpit-smtp.log} beside the store, never to the
 * terminal (a command's output is its stdout and stderr only). Nothing logged ever holds a secret.
 */
final class LogSetup {
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
            Path folder = DbLocation.resolve(db, key).folder();
            OwnerOnly.createFolders(folder);
            Path log = folder.resolve("cockpit-smtp.log");
            // Made owner-only before the handler opens it: the handler appends to an existing file, keeping its mode.
            if (!Files.exists(log)) {
                try {
                    OwnerOnly.createFile(log);
                } catch (FileAlreadyExistsException raced) {
                    // Another process made it first.
                }
            }
            OwnerOnly.restrict(log);
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s - %5$s%6$s%n");
            FileHandler file = new FileHandler(log.toString(), 0, 1, true);
            file.setFormatter(new SimpleFormatter());
            file.setEncoding("UTF-8");
            root.addHandler(file);
        } catch (IOException | RuntimeException e) {
            // No log file (read-only folder): the store reports the folder itself in plain words.
        }
    }
}
