package io.cockpit.smtp.core.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The key files on disk: the current key ({@code cockpit-smtp.key}) and the keys it replaced, kept beside it as
 * {@code cockpit-smtp.key.<id>} so that a secret sealed under any of them can still be opened. Every file is written
 * whole under a temporary name with owner-only permissions, then moved into place: no process ever reads a file
 * half-written, and none is readable by others even for a moment.
 */
final class KeyFiles {
    static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFiles() {
    }

    /** A key's id: a hash of the key, so it names the key without revealing it and needs no storage of its own. */
    static String id(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("cockpit-smtp key id\0".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }

    static byte[] newKey() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return k;
    }

    /** Where the key with this id is kept once it is no longer the current one. */
    static Path retired(Path keyFile, String id) {
        return keyFile.resolveSibling(keyFile.getFileName() + "." + id);
    }

    /** The ids of the retired keys kept beside the key file. */
    static List<String> retiredIds(Path keyFile) throws IOException {
        Path dir = keyFile.toAbsolutePath().getParent();
        String prefix = keyFile.getFileName() + ".";
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(prefix))
                    .map(n -> n.substring(prefix.length())).filter(id -> ID.matcher(id).matches()).forEach(out::add);
        }
        return out;
    }

    /** Reads a key file; fails with the reason when it is missing, unreadable or damaged. */
    static byte[] read(Path file) {
        try {
            byte[] decoded = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (decoded.length != 32) {
                throw new IllegalStateException("the key file " + file + " is damaged");
            }
            return decoded;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("the key file " + file + " is missing", e);
        } catch (IOException e) {
            throw new IllegalStateException("the key file " + file + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the key file " + file + " is damaged", e);
        }
    }

    /**
     * Writes {@code key} to {@code file} atomically. With {@code replace} false an existing file wins (another process
     * created the key first) and {@link FileAlreadyExistsException} says so.
     */
    static void write(Path file, byte[] key, boolean replace) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        OwnerOnly.createFolders(dir);
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp-" + HexFormat.of().formatHex(newKey(), 0, 6));
        try {
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp); // not a POSIX file system: its own access rules apply
            }
            try (var ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap((Base64.getEncoder().encodeToString(key) + "\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            if (replace) {
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                // A hard link is created whole or not at all, and never over an existing file.
                try {
                    Files.createLink(file, tmp);
                } catch (UnsupportedOperationException e) {
                    Files.move(tmp, file);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
