package io.cockpit.smtp.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the stored secrets (passwords, client secrets, refresh tokens) with AES-256-GCM under a key file that
 * only its owner can read. The key is read lazily: showing a configuration never needs it, and a missing or damaged
 * key only fails the operations that need a secret, with {@link SecretUnavailableException}.
 */
public final class SecretBox {
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path keyFile;
    private volatile byte[] key;

    public SecretBox(Path keyFile) {
        this.keyFile = keyFile;
    }

    public Path keyFile() {
        return keyFile;
    }

    /** Encrypts; the plain chars are not kept. {@code context} binds the ciphertext to its field (AES-GCM AAD). */
    public SealedSecret seal(char[] plain, String context) {
        byte[] bytes = toUtf8(plain);
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(true), "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(bytes);
            byte[] out = ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
            return new SealedSecret(PREFIX + Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Decrypts; fails when the key file is missing, damaged or not the one the secret was sealed with. */
    public char[] open(SealedSecret sealed, String context) throws SecretUnavailableException {
        String text = sealed.ciphertext();
        if (!text.startsWith(PREFIX)) {
            throw new SecretUnavailableException(context, "unknown format");
        }
        byte[] key;
        try {
            key = key(false);
        } catch (IllegalStateException e) {
            throw new SecretUnavailableException(context, e.getMessage());
        }
        try {
            byte[] all = Base64.getDecoder().decode(text.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            Arrays.fill(plain, (byte) 0);
            char[] result = new char[chars.remaining()];
            chars.get(result);
            return result;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretUnavailableException(context, "it was encrypted with another key file");
        }
    }

    private byte[] key(boolean createIfMissing) {
        byte[] k = key;
        if (k != null) {
            return k;
        }
        synchronized (this) {
            if (key == null) {
                key = loadOrCreate(createIfMissing);
            }
            return key;
        }
    }

    private byte[] loadOrCreate(boolean create) {
        try {
            if (!Files.exists(keyFile)) {
                if (!create) {
                    throw new IllegalStateException("the key file " + keyFile + " is missing");
                }
                return createKey();
            }
            byte[] decoded = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
            if (decoded.length != 32) {
                throw new IllegalStateException("the key file " + keyFile + " is damaged");
            }
            return decoded;
        } catch (IOException e) {
            throw new IllegalStateException("the key file " + keyFile + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the key file " + keyFile + " is damaged", e);
        }
    }

    private byte[] createKey() throws IOException {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        OwnerOnly.createFolders(keyFile.toAbsolutePath().getParent());
        String content = Base64.getEncoder().encodeToString(k) + "\n";
        try {
            try {
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(keyFile);
            }
            Files.writeString(keyFile, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            return k;
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first: use theirs.
            return loadOrCreate(false);
        }
    }

    /** Forgets the cached key, so the next use reads the key file again (after a rotation). */
    public synchronized void reload() {
        key = null;
    }

    /** Writes a brand-new key file (for key rotation); returns a box using it. */
    public static SecretBox createNew(Path keyFile) throws IOException {
        SecretBox box = new SecretBox(keyFile);
        Files.deleteIfExists(keyFile);
        box.key = box.createKey();
        return box;
    }

    private static byte[] toUtf8(char[] plain) {
        ByteBuffer buf = StandardCharsets.UTF_8.encode(CharBuffer.wrap(plain));
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        if (buf.hasArray()) {
            Arrays.fill(buf.array(), (byte) 0);
        }
        return bytes;
    }
}
