package io.cockpit.smtp.core.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * What a brand-new store holds: the rows the migrations themselves insert (such as the local engine), counted on a
 * throw-away in-memory store migrated by the same scripts. A store holding only these holds no data of its own.
 */
final class NewStore {
    private NewStore() {
    }

    static Map<String, Long> rowCounts() {
        String url = "jdbc:h2:mem:cockpit-new-store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try {
            Flyway.configure().dataSource(url, "sa", "").locations(Migrations.flywayLocations(url)).load().migrate();
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                Map<String, Long> counts = new LinkedHashMap<>();
                for (String t : StoreTables.read(c).names()) {
                    counts.put(t, StoreCopy.count(c, t));
                }
                try (Statement st = c.createStatement()) {
                    st.execute("SHUTDOWN");
                }
                return counts;
            }
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }
}
