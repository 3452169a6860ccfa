package io.cockpit.smtp.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The floor under every command of the plain jar, for src/test/scripts/startup-benchmark.sh: a program that does
 * nothing but open the store's H2 file (alone, as a brief command does) and read the gateway's row, run from the
 * console's own jar on the same JVM. Whatever a command does beyond H2's own start comes on top of this.
 *
 * <p>Usage: {@code java -cp cockpit-smtp.jar:test-classes io.cockpit.smtp.bench.H2OpenFloor STORE} (the H2 file
 * without {@code .mv.db}; its generated password is read from beside it).
 */
public final class H2OpenFloor {
    private H2OpenFloor() {
    }

    public static void main(String[] args) throws Exception {
        String store = args[0];
        String password = Files.readString(Path.of(store + ".h2-password"), StandardCharsets.US_ASCII).trim();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + store + ";WRITE_DELAY=0", "sa", password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, server FROM gateway")) {
            while (rs.next()) {
                System.out.println(rs.getString(1) + " " + rs.getString(2));
            }
        }
    }
}
