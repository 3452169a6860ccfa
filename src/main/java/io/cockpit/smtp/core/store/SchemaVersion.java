package io.cockpit.smtp.core.store;

import java.util.Arrays;

/** A migration's version as Flyway reads it from {@code V1_2__name.sql} or stores it ({@code "1.2"}): numbers compared one by one. */
public record SchemaVersion(int[] parts) implements Comparable<SchemaVersion> {
    static SchemaVersion parse(String text) {
        String[] pieces = text.trim().split("[._]");
        int[] parts = new int[pieces.length];
        for (int i = 0; i < pieces.length; i++) {
            parts[i] = Integer.parseInt(pieces[i]);
        }
        return new SchemaVersion(parts);
    }

    @Override
    public int compareTo(SchemaVersion o) {
        for (int i = 0; i < Math.max(parts.length, o.parts.length); i++) {
            int a = i < parts.length ? parts[i] : 0;
            int b = i < o.parts.length ? o.parts[i] : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int[] trimmed = parts;
        int n = trimmed.length;
        while (n > 1 && trimmed[n - 1] == 0) {
            n--;
        }
        return Arrays.hashCode(Arrays.copyOf(trimmed, n));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int p : parts) {
            b.append(b.length() == 0 ? "" : ".").append(p);
        }
        return b.toString();
    }
}
