package io.cockpit.smtp.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the stored secrets (passwords, client secrets, refresh tokens) with AES-256-GCM under a key file that
 * only its owner can read. The key is read lazily: showing a configuration never needs it, and a missing or damaged
 * key only fails the operations that need a secret, with {@link SecretUnavailableException}.
 *
 * <p>Each ciphertext names the key that sealed it ({@code v2:<key id>:<data>}), and the keys a rotation replaced stay
 * beside the key file ({@link KeyFiles}): every process opens a secret with the key that sealed it, whatever key it
 * has cached, so a rotation in one process never stops another. Ciphertexts of the first format ({@code v1:}, no id)
 * still open: with the current key, else with any retired one.
 */
public final class SecretBox {
    private static final String V1 = "v1:";
    private static final String V2 = "v2:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path keyFile;
    /** Every key this process has read, by id; a key never changes under its id, so none is ever stale. */
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    public SecretBox(Path keyFile) {
        this.keyFile = keyFile;
    }

    public Path keyFile() {
        return keyFile;
    }

    /**
     * Encrypts under the current key file, read again for each seal (seals are rare: a save, a token refresh) so a
     * process never seals under a key another process has rotated away. The plain chars are not kept. {@code context}
     * binds the ciphertext to its field (AES-GCM AAD).
     */
    public SealedSecret seal(char[] plain, String context) {
        String id = readCurrent(true);
        return seal(plain, context, id, keys.get(id));
    }

    private static SealedSecret seal(char[] plain, String context, String id, byte[] key) {
        byte[] bytes = toUtf8(plain);
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(bytes);
            byte[] out = ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
            return new SealedSecret(V2 + id + ":" + Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Decrypts with the key that sealed it; fails when that key is neither the key file nor a retired key. */
    public char[] open(SealedSecret sealed, String context) throws SecretUnavailableException {
        String text = sealed.ciphertext();
        if (text.startsWith(V2)) {
            int colon = text.indexOf(':', V2.length());
            String id = colon < 0 ? "" : text.substring(V2.length(), colon);
            if (!KeyFiles.ID.matcher(id).matches()) {
                throw new SecretUnavailableException(context, "unknown format");
            }
            byte[] key = keyWithId(id, context);
            return decrypt(text.substring(colon + 1), key, context)
                    .orElseThrow(() -> new SecretUnavailableException(context, "it does not match its key " + id));
        }
        if (text.startsWith(V1)) {
            for (byte[] key : v1Candidates(context)) {
                Optional<char[]> plain = decrypt(text.substring(V1.length()), key, context);
                if (plain.isPresent()) {
                    return plain.get();
                }
            }
            throw new SecretUnavailableException(context, "it was encrypted with another key file");
        }
        throw new SecretUnavailableException(context, "unknown format");
    }

    /** The id of the key that sealed this secret; empty for the first format, which names none. */
    public static Optional<String> keyId(SealedSecret sealed) {
        String text = sealed.ciphertext();
        int colon = text.indexOf(':', V2.length());
        return text.startsWith(V2) && colon > 0 ? Optional.of(text.substring(V2.length(), colon)) : Optional.empty();
    }

    private byte[] keyWithId(String id, String context) throws SecretUnavailableException {
        byte[] key = keys.get(id);
        if (key != null) {
            return key;
        }
        synchronized (this) {
            // The current file first (a rotation elsewhere), then the retired one, then the current again: a rotation
            // finishing between the two reads moves the key from one name to the other.
            String reason = null;
            for (Path file : List.of(keyFile, KeyFiles.retired(keyFile, id), keyFile)) {
                try {
                    remember(KeyFiles.read(file));
                } catch (IllegalStateException e) {
                    reason = reason == null ? e.getMessage() : reason;
                }
                if (keys.containsKey(id)) {
                    return keys.get(id);
                }
            }
            throw new SecretUnavailableException(context, "it was encrypted with the key " + id + ", which is neither "
                    + "the key file " + keyFile + " nor a retired key beside it" + (reason == null ? "" : " (" + reason + ")"));
        }
    }

    private List<byte[]> v1Candidates(String context) throws SecretUnavailableException {
        List<byte[]> out = new ArrayList<>();
        String firstProblem = null;
        try {
            out.add(keys.get(readCurrent(false)));
        } catch (IllegalStateException e) {
            firstProblem = e.getMessage();
        }
        try {
            for (String id : KeyFiles.retiredIds(keyFile)) {
                try {
                    out.add(keys.computeIfAbsent(id, i -> KeyFiles.read(KeyFiles.retired(keyFile, i))));
                } catch (IllegalStateException e) {
                    // a damaged retired key cannot open anything; the others may
                }
            }
        } catch (IOException e) {
            // no retired keys to try
        }
        if (out.isEmpty()) {
            throw new SecretUnavailableException(context, firstProblem == null ? "no key file" : firstProblem);
        }
        return out;
    }

    private static Optional<char[]> decrypt(String data, byte[] key, String context) {
        try {
            byte[] all = Base64.getDecoder().decode(data);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            Arrays.fill(plain, (byte) 0);
            char[] result = new char[chars.remaining()];
            chars.get(result);
            return Optional.of(result);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Reads the key file (creating it when asked and missing) and returns its id; the key goes into the cache. */
    private synchronized String readCurrent(boolean createIfMissing) {
        if (createIfMissing && !Files.exists(keyFile)) {
            byte[] k = KeyFiles.newKey();
            try {
                KeyFiles.write(keyFile, k, false);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: theirs is read below
            } catch (IOException e) {
                throw new IllegalStateException("the key file " + keyFile + " cannot be written: " + e.getMessage(), e);
            }
        }
        return remember(KeyFiles.read(keyFile));
    }

    private String remember(byte[] key) {
        String id = KeyFiles.id(key);
        keys.putIfAbsent(id, key);
        return id;
    }

    /** Forgets the keys read so far; the next use reads the key files again. */
    public synchronized void reload() {
        keys.clear();
    }

    /**
     * Starts a key rotation: the new key is written beside the key file under its id (so any process that meets a
     * secret sealed with it can open it even before it becomes the key file), and the current key is kept as a
     * retired key. Seal the secrets with {@link Rotation#seal}, commit them, then {@link Rotation#complete}.
     */
    public Rotation startRotation() throws IOException {
        String previous = Files.exists(keyFile) ? readCurrent(false) : null;
        if (previous != null && !Files.exists(KeyFiles.retired(keyFile, previous))) {
            KeyFiles.write(KeyFiles.retired(keyFile, previous), keys.get(previous), true);
        }
        byte[] next = KeyFiles.newKey();
        String nextId = remember(next);
        KeyFiles.write(KeyFiles.retired(keyFile, nextId), next, true);
        return new Rotation(previous, nextId, next);
    }

    /** One key rotation under way. */
    public final class Rotation {
        private final String previousId;
        private final String nextId;
        private final byte[] next;

        private Rotation(String previousId, String nextId, byte[] next) {
            this.previousId = previousId;
            this.nextId = nextId;
            this.next = next;
        }

        public SealedSecret seal(char[] plain, String context) {
            return SecretBox.seal(plain, context, nextId, next);
        }

        /** After the re-sealed secrets are committed: the new key becomes the key file. */
        public void complete() throws IOException {
            KeyFiles.write(keyFile, next, true);
            Files.deleteIfExists(KeyFiles.retired(keyFile, nextId));
        }

        /** After a failure before the commit: the new key, which sealed nothing stored, goes. */
        public void abandon() {
            try {
                Files.deleteIfExists(KeyFiles.retired(keyFile, nextId));
            } catch (IOException e) {
                // left behind, it opens nothing and harms nothing
            }
        }

        /**
         * Deletes the retired keys that seal none of {@code stillSealed}, except the key just replaced: a process that
         * read a secret before the rotation may still hold it.
         */
        public void pruneRetired(Collection<SealedSecret> stillSealed) throws IOException {
            List<String> used = stillSealed.stream().map(SecretBox::keyId).flatMap(Optional::stream).toList();
            boolean v1Left = stillSealed.stream().anyMatch(s -> keyId(s).isEmpty());
            if (v1Left) {
                return; // a first-format secret names no key: any of them may be the one it needs
            }
            for (String id : KeyFiles.retiredIds(keyFile)) {
                if (!id.equals(previousId) && !id.equals(nextId) && !used.contains(id)) {
                    Files.deleteIfExists(KeyFiles.retired(keyFile, id));
                }
            }
        }
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
