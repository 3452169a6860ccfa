package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.testing.TestStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that holds the store alone writes its output once it has let the store go: a reader slow to take the
 * output (a pager) must not keep the console and the engines out of the store meanwhile.
 */
class BriefOutputTest {
    @TempDir
    Path dir;

    /** Notes, at each write, whether the H2 file is still locked by this process. */
    private final class Watching extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean writtenWhileHeld;

        @Override
        public void write(int b) throws IOException {
            writtenWhileHeld |= held();
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writtenWhileHeld |= held();
            bytes.write(b, off, len);
        }

        private boolean held() throws IOException {
            try (FileChannel c = FileChannel.open(TestStore.databaseFile(dir), StandardOpenOption.WRITE)) {
                FileLock lock = c.tryLock();
                if (lock == null) {
                    return true;
                }
                lock.release();
                return false;
            } catch (OverlappingFileLockException thisProcessHoldsIt) {
                return true;
            }
        }
    }

    @Test
    void aBriefCommandWritesItsOutputOnceTheStoreIsClosed() throws Exception {
        TestStore.open(dir).close();
        Watching out = new Watching();
        int code = Cli.run(new String[] {"--db", dir.resolve("cockpit").toString(), "--key-file",
                TestStore.keyFile(dir).toString(), "gateway", "show"}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), null);
        assertEquals(0, code);
        assertTrue(out.bytes.toString(StandardCharsets.UTF_8).contains("portal"), out.bytes.toString(StandardCharsets.UTF_8));
        assertFalse(out.writtenWhileHeld, "the output was written while the store was still open");
    }

    @Test
    void aLastingCommandWritesAsItGoes() throws Exception {
        // The check above can fail: a command that keeps the store while it prints is seen doing so.
        TestStore.open(dir).close();
        Watching out = new Watching();
        String[] line = {"--db", dir.resolve("cockpit").toString(), "--key-file", TestStore.keyFile(dir).toString(),
                "gateway", "set", "--password-stdin"};
        int code = Cli.run(line, new ByteArrayInputStream("pw\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), null);
        assertEquals(0, code, out.bytes.toString(StandardCharsets.UTF_8));
        assertTrue(out.writtenWhileHeld, "a command reading standard input serves the store and prints while it does");
    }
}
