package io.cockpit.smtp.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key ids, retired keys, the first ciphertext format, and key files that appear whole. */
class SecretBoxTest {
    @TempDir
    Path dir;

    @Test
    void aSecretOfTheFirstFormatStillOpens() throws Exception {
        Path keyFile = dir.resolve("cockpit-smtp.key");
        byte[] key = new byte[32];
        key[0] = 7;
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n");
        byte[] iv = new byte[12];
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        c.updateAAD("ctx".getBytes(StandardCharsets.UTF_8));
        byte[] ct = c.doFinal("old-pw".getBytes(StandardCharsets.UTF_8));
        String v1 = "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + ct.length).put(iv).put(ct).array());

        assertEquals("old-pw", new String(new SecretBox(keyFile).open(new SealedSecret(v1), "ctx")));
    }

    @Test
    void aCiphertextNamesItsKeyAndOpensAfterTheKeyIsRetired() throws Exception {
        Path keyFile = dir.resolve("cockpit-smtp.key");
        SecretBox box = new SecretBox(keyFile);
        SealedSecret before = box.seal("pw".toCharArray(), "ctx");
        String oldId = SecretBox.keyId(before).orElseThrow();

        SecretBox.Rotation r = new SecretBox(keyFile).startRotation();
        SealedSecret after = r.seal("pw".toCharArray(), "ctx");
        r.complete();

        assertTrue(Files.exists(KeyFiles.retired(keyFile, oldId)), "the replaced key is kept beside the key file");
        assertTrue(!SecretBox.keyId(after).orElseThrow().equals(oldId));
        assertEquals("pw", new String(box.open(after, "ctx")), "a box that cached the old key finds the new one");
        assertEquals("pw", new String(new SecretBox(keyFile).open(before, "ctx")), "a fresh box finds the retired one");
        assertEquals(SecretBox.keyId(after), SecretBox.keyId(box.seal("x".toCharArray(), "ctx")),
                "a box that cached the old key seals under the new one");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(KeyFiles.retired(keyFile, oldId))));
    }

    @Test
    void aSecretUnderAKeyNoLongerKeptSaysWhichKey() throws Exception {
        Path keyFile = dir.resolve("cockpit-smtp.key");
        SealedSecret s = new SecretBox(keyFile).seal("pw".toCharArray(), "ctx");
        Files.delete(keyFile);
        new SecretBox(keyFile).seal("other".toCharArray(), "ctx");

        SecretUnavailableException e = assertThrows(SecretUnavailableException.class, () -> new SecretBox(keyFile).open(s, "ctx"));
        assertTrue(e.why().contains(SecretBox.keyId(s).orElseThrow()), e.why());
    }

    @Test
    void aKeyFileIsNeverSeenHalfWrittenByAnotherProcessCreatingItToo() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 150; round++) {
                Path keyFile = dir.resolve("round-" + round + ".key");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<SealedSecret>> seals = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    // One box each, as separate processes would have: nothing shared but the file.
                    seals.add(pool.submit(() -> {
                        go.await();
                        return new SecretBox(keyFile).seal("pw".toCharArray(), "ctx");
                    }));
                }
                go.countDown();
                for (Future<SealedSecret> f : seals) {
                    assertEquals("pw", new String(new SecretBox(keyFile).open(f.get(), "ctx")), "round " + round);
                }
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
            }
            try (var files = Files.list(dir)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(".tmp")), "no temporary file left");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
