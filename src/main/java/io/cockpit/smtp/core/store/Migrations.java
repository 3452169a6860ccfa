package io.cockpit.smtp.core.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Where Flyway finds the migrations of a store. Most SQL runs unchanged on H2 and PostgreSQL and lives in
 * {@code db/common}; what differs (column types such as CLOB/TEXT, vendor syntax) lives in {@code db/h2} and
 * {@code db/postgresql}, one file a version in each. The folder is chosen here, in code: Flyway's {@code {vendor}}
 * placeholder only works under Spring Boot, and plain Flyway silently finds no migration with it.
 */
final class Migrations {
    private static final String COMMON = "db/common";

    private Migrations() {
    }

    static String[] locationsFor(String jdbcUrl) {
        List<String> out = new ArrayList<>();
        out.add("classpath:" + vendorFolder(jdbcUrl));
        if (Migrations.class.getClassLoader().getResource(COMMON) != null) {
            out.add("classpath:" + COMMON);
        }
        return out.toArray(String[]::new);
    }

    static String vendorFolder(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? "db/postgresql" : "db/h2";
    }
}
