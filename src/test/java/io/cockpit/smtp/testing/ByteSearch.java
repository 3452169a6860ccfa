package io.cockpit.smtp.testing;

/** Finds a secret's bytes in raw output (a database file, a transcript, captured logs), whatever the encoding around it. */
public final class ByteSearch {
    private ByteSearch() {
    }

    public static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
