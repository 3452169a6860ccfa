package io.cockpit.smtp.core.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Files and folders only their owner may read: the store's folder, database, lock, trace, log, key and login files.
 * A folder is made owner-only when it is created, before anything is written in it, so that what H2 and the log then
 * create with the default umask is already out of other users' reach; each file is narrowed too. A folder that
 * existed before (chosen by the user, such as a shared {@code /srv} folder) keeps its mode. On a file system without
 * POSIX permissions these are plain creations.
 */
public final class OwnerOnly {
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates the folder and its missing parents, each owner-only; an existing folder is left as it is. */
    public static void createFolders(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        List<Path> missing = new ArrayList<>();
        for (Path p = absolute; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p, attribute(FOLDER));
            } catch (UnsupportedOperationException e) {
                Files.createDirectory(p);
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(p)) {
                    throw raced;
                }
            }
        }
    }

    /** Creates an empty owner-only file; fails when it exists. */
    public static void createFile(Path file) throws IOException {
        try {
            Files.createFile(file, attribute(FILE));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    /** Narrows an existing file to its owner (no-op when it does not exist or permissions are not POSIX). */
    public static void restrict(Path file) {
        try {
            if (Files.exists(file) && !Files.getPosixFilePermissions(file).equals(FILE)) {
                Files.setPosixFilePermissions(file, FILE);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not ours (another user's file in a shared folder) or not POSIX: the folder's mode is what protects it.
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> perms) {
        return PosixFilePermissions.asFileAttribute(perms);
    }
}
