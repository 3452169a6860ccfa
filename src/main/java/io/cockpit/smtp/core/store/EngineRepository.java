package io.cockpit.smtp.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The registered engines' names ("local" is registered by the first migration). */
public final class EngineRepository {
    private final Database db;

    public EngineRepository(Database db) {
        this.db = db;
    }

    public List<String> names() {
        return db.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM engine ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
