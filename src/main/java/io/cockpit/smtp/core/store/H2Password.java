package io.cockpit.smtp.core.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The password of an H2 store's database user, generated once and kept in an owner-only file beside the database
 * ({@code cockpit.h2-password} for {@code cockpit.mv.db}): H2's automatic server accepts connections from other
 * processes, and a blank password would let any of them in. Every process that opens the store reads the same file.
 * It belongs to the database, not to the key file: a store opened with another key file (or copied with its folder)
 * still opens. A {@code jdbc:h2:} URL, which has no file of ours, keeps it beside the key file.
 */
final class H2Password {
    static final String SUFFIX = ".h2-password";
    private static final SecureRandom RANDOM = new SecureRandom();

    private H2Password() {
    }

    static Path fileFor(DbLocation location) {
        if (location.databaseFile() != null) {
            return Path.of(location.databaseFile() + SUFFIX);
        }
        return location.keyFile().toAbsolutePath().resolveSibling("cockpit-smtp" + SUFFIX);
    }

    /** The password in {@code file}, which is created when missing. */
    static String readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        OwnerOnly.createFolders(file.getParent());
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // Written whole under a temporary name, then linked to its name: a link fails if the name exists, so two
        // processes starting at once agree on the first one's password and nobody reads a half-written file.
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(OwnerOnly.FILE));
        try {
            Files.writeString(temp, password + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temp);
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException noLinks) {
                if (noLinks instanceof FileAlreadyExistsException raced) {
                    throw raced;
                }
                Files.move(temp, file); // no hard links here: refuses an existing name too, with a shorter race
            }
            return password;
        } catch (FileAlreadyExistsException raced) {
            return read(file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String read(Path file) throws IOException {
        String p = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (p.isEmpty() || !p.matches("[A-Za-z0-9_-]+")) {
            throw new IOException("the password file " + file + " is damaged");
        }
        return p;
    }
}
