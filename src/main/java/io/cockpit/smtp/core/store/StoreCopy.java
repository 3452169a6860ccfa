package io.cockpit.smtp.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Copies every row of a store into another, empty one, whatever their kinds (H2 to PostgreSQL, or back): all tables but
 * Flyway's, found with their foreign keys in the database's own metadata, so this class knows no feature's table. Ids
 * are kept, and each identity column then starts after the highest copied id. Secrets are copied as stored, encrypted
 * under the key file they were sealed with: the new store needs that same key file.
 *
 * <p>The source is read as of one moment (one repeatable-read transaction); the target is written in one transaction,
 * so on PostgreSQL a failed copy leaves it as it was. (On H2 the identity restarts at the end commit what precedes
 * them.)
 */
public final class StoreCopy {
    private static final int BATCH = 500;

    /** How many rows of one table were copied. */
    public record Copied(String table, long rows) {
    }

    /** The target holds rows that a new store does not: nothing was copied. */
    public static final class TargetHoldsDataException extends RuntimeException {
        private final Map<String, Long> rows;

        TargetHoldsDataException(Map<String, Long> rows) {
            super("the store already holds data (" + rows.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()
                    + (e.getValue() == 1 ? " row" : " rows")).collect(Collectors.joining(", ")) + ")");
            this.rows = Map.copyOf(rows);
        }

        /** The tables that hold more than a new store's rows, with their row counts. */
        public Map<String, Long> rows() {
            return rows;
        }
    }

    private StoreCopy() {
    }

    /**
     * @return the rows copied, table by table, parents first
     * @throws TargetHoldsDataException when {@code to} holds data; nothing is changed then
     */
    public static List<Copied> copy(Database from, Database to) {
        return copy(from, to, Set.of());
    }

    /**
     * As {@link #copy(Database, Database)}, the rows of {@code claimedOnOpen} in the target not counted as data: a store
     * that was only opened may hold rows its first opening wrote (who opened it), which the copy replaces.
     */
    public static List<Copied> copy(Database from, Database to, Set<String> claimedOnOpen) {
        StoreTables source = from.inTransaction(StoreTables::read);
        StoreTables target = to.inTransaction(StoreTables::read);
        if (!source.sameShapeAs(target)) {
            throw new StoreFailure(new SQLException("the two stores do not have the same tables (" + source.names()
                    + " and " + target.names() + "): copy into a database that holds only a store of this version"));
        }
        Map<String, Long> newStoreRows = NewStore.rowCounts();
        return from.inSnapshot(src -> to.inTransaction(dst -> {
            Map<String, Long> extra = new LinkedHashMap<>();
            for (String t : target.names()) {
                long n = count(dst, t);
                if (n > newStoreRows.getOrDefault(t, 0L) && !claimedOnOpen.contains(t)) {
                    extra.put(t, n);
                }
            }
            if (!extra.isEmpty()) {
                throw new TargetHoldsDataException(extra);
            }
            // What the migrations put in a new store (the local engine) is replaced by the source's rows.
            List<String> childrenFirst = new ArrayList<>(target.names());
            java.util.Collections.reverse(childrenFirst);
            try (Statement st = dst.createStatement()) {
                for (String t : childrenFirst) {
                    st.executeUpdate("DELETE FROM " + t);
                }
            }
            List<Copied> copied = new ArrayList<>();
            for (String t : target.names()) {
                copied.add(new Copied(t, copyTable(src, dst, t, source.columns(t), target.columns(t))));
            }
            for (String t : target.names()) {
                restartIdentities(dst, t, target.columns(t));
            }
            return copied;
        }));
    }

    private static long copyTable(Connection src, Connection dst, String table, List<StoreTables.Column> sourceCols,
                                  List<StoreTables.Column> targetCols) throws SQLException {
        String names = targetCols.stream().map(StoreTables.Column::name).collect(Collectors.joining(", "));
        String marks = targetCols.stream().map(c -> "?").collect(Collectors.joining(", "));
        Map<String, Integer> sourceIndex = new LinkedHashMap<>();
        for (int i = 0; i < sourceCols.size(); i++) {
            sourceIndex.put(sourceCols.get(i).name(), i);
        }
        long rows = 0;
        try (Statement read = src.createStatement()) {
            read.setFetchSize(1000);
            try (ResultSet rs = read.executeQuery("SELECT " + names + " FROM " + table);
                 PreparedStatement write = dst.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES ("
                         + marks + ")")) {
                while (rs.next()) {
                    for (int i = 0; i < targetCols.size(); i++) {
                        StoreTables.Column target = targetCols.get(i);
                        ColumnValue.copy(rs, i + 1, sourceCols.get(sourceIndex.get(target.name())), write, i + 1, target);
                    }
                    write.addBatch();
                    if (++rows % BATCH == 0) {
                        write.executeBatch();
                    }
                }
                if (rows % BATCH != 0) {
                    write.executeBatch();
                }
            }
        }
        return rows;
    }

    private static void restartIdentities(Connection dst, String table, List<StoreTables.Column> cols) throws SQLException {
        for (StoreTables.Column c : cols) {
            if (!c.identity()) {
                continue;
            }
            long next;
            try (Statement st = dst.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(" + c.name() + ") FROM "
                    + table)) {
                rs.next();
                next = rs.getLong(1) + 1;
            }
            try (Statement st = dst.createStatement()) {
                st.execute("ALTER TABLE " + table + " ALTER COLUMN " + c.name() + " RESTART WITH " + next);
            }
        }
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
