package io.cockpit.smtp.core.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A store's tables as its database describes them (JDBC metadata): their columns, and an order in which every table
 * comes after the tables its foreign keys point to. Flyway's own table is left out. Names are lower-case: H2 reports
 * unquoted names in upper case, PostgreSQL in lower case, and both read them back unquoted in either.
 */
final class StoreTables {
    static final String FLYWAY_TABLE = "flyway_schema_history";

    /** A column: its name, JDBC type and type name, and whether the database generates it (an identity). */
    record Column(String name, int type, String typeName, boolean identity) {
    }

    private final Map<String, List<Column>> columns;

    private StoreTables(Map<String, List<Column>> columns) {
        this.columns = columns;
    }

    /** The tables of the connection's current schema, parents before children. */
    static StoreTables read(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        Map<String, String> actualNames = new LinkedHashMap<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase(FLYWAY_TABLE)) {
                    actualNames.put(lower(name), name);
                }
            }
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : actualNames.entrySet()) {
            Set<String> p = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, t.getValue())) {
                while (rs.next()) {
                    String parent = lower(rs.getString("PKTABLE_NAME"));
                    if (!parent.equals(t.getKey())) {
                        p.add(parent);
                    }
                }
            }
            parents.put(t.getKey(), p);
        }
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        for (String table : parentsFirst(parents)) {
            List<Column> cols = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, schema, actualNames.get(table), "%")) {
                while (rs.next()) {
                    cols.add(new Column(lower(rs.getString("COLUMN_NAME")), rs.getInt("DATA_TYPE"),
                            rs.getString("TYPE_NAME"), "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
                }
            }
            columns.put(table, List.copyOf(cols));
        }
        return new StoreTables(columns);
    }

    private static List<String> parentsFirst(Map<String, Set<String>> parents) throws SQLException {
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < parents.size()) {
            boolean progress = false;
            for (Map.Entry<String, Set<String>> t : parents.entrySet()) {
                if (!placed.contains(t.getKey()) && placed.containsAll(t.getValue())) {
                    placed.add(t.getKey());
                    order.add(t.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                throw new SQLException("the tables' foreign keys make a cycle: " + parents);
            }
        }
        return order;
    }

    /** Parents before children. */
    List<String> names() {
        return List.copyOf(columns.keySet());
    }

    List<Column> columns(String table) {
        return columns.get(table);
    }

    /** True when both have the same tables with the same column names. */
    boolean sameShapeAs(StoreTables other) {
        if (!columns.keySet().equals(other.columns.keySet())) {
            return false;
        }
        for (String t : columns.keySet()) {
            if (!names(columns.get(t)).equals(names(other.columns.get(t)))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> names(List<Column> cols) {
        Set<String> out = new LinkedHashSet<>();
        cols.forEach(c -> out.add(c.name()));
        return out;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
