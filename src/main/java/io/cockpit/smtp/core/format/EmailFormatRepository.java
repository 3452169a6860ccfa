package io.cockpit.smtp.core.format;

import io.cockpit.smtp.core.history.ChangeLog;
import io.cockpit.smtp.core.history.HistoryEntry;
import io.cockpit.smtp.core.history.HistoryRepository;
import io.cockpit.smtp.core.store.ConflictException;
import io.cockpit.smtp.core.store.Database;
import io.cockpit.smtp.core.store.SqlTime;
import io.cockpit.smtp.core.store.StoreFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The email format in the store (one row, its languages and templates), with optimistic locking on {@code version}. */
public final class EmailFormatRepository {
    private final Database db;

    public EmailFormatRepository(Database db) {
        this.db = db;
    }

    public Optional<EmailFormat> find() {
        return db.inTransaction(EmailFormatRepository::find);
    }

    private static Optional<EmailFormat> find(Connection c) throws SQLException {
        String userUrl;
        String operatorUrl;
        String defaultLanguage;
        long version;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT user_url, operator_url, default_language, version FROM email_format WHERE id = 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            userUrl = rs.getString(1);
            operatorUrl = rs.getString(2);
            defaultLanguage = rs.getString(3);
            version = rs.getLong(4);
        }
        List<String> languages = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT language FROM email_format_language ORDER BY position")) {
            while (rs.next()) {
                languages.add(rs.getString(1));
            }
        }
        Map<String, String> templates = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT language, template FROM report_subject_template ORDER BY language")) {
            while (rs.next()) {
                templates.put(rs.getString(1), rs.getString(2));
            }
        }
        return Optional.of(new EmailFormat(userUrl, operatorUrl, languages, defaultLanguage, templates, version));
    }

    /**
     * Saves {@code f} if the stored version is still {@code f.version()} (0: none stored yet), with its history, in
     * one transaction. Returns the saved format with its new version.
     */
    public EmailFormat save(EmailFormat f, List<HistoryEntry> history) throws ConflictException {
        try {
            return db.inTransaction(c -> write(c, f, history));
        } catch (StoreFailure e) {
            // Two first saves at once: the second INSERT of row 1 loses the race like a stale UPDATE does.
            if (e.getCause() instanceof SQLException sql && isDuplicateKey(sql)) {
                throw new ConflictException("email format", f.version(), f.version() + 1);
            }
            throw e;
        }
    }

    private static EmailFormat write(Connection c, EmailFormat f, List<HistoryEntry> history)
            throws SQLException, ConflictException {
        long expected = f.version();
        long next = expected + 1;
        int n;
        if (expected == 0) {
            // PostgreSQL refuses every statement of a transaction after a failed one: the savepoint lets the
            // transaction read the winner's version after losing the race for the first row.
            Savepoint beforeInsert = c.setSavepoint();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO email_format (id, user_url, operator_url, "
                    + "default_language, version, updated_at, updated_by) VALUES (1, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, f, next);
                n = ps.executeUpdate();
            } catch (SQLException e) {
                if (isDuplicateKey(e)) {
                    c.rollback(beforeInsert);
                    throw new ConflictException("email format", expected, storedVersion(c));
                }
                throw e;
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("UPDATE email_format SET user_url = ?, operator_url = ?, "
                    + "default_language = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = 1 AND version = ?")) {
                bind(ps, f, next);
                ps.setLong(7, expected);
                n = ps.executeUpdate();
            }
        }
        if (n != 1) {
            throw new ConflictException("email format", expected, storedVersion(c));
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM email_format_language");
            s.executeUpdate("DELETE FROM report_subject_template");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO email_format_language (language, position) VALUES (?, ?)")) {
            int position = 0;
            for (String lang : f.languages()) {
                ps.setString(1, lang);
                ps.setInt(2, position++);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_subject_template (language, template) VALUES (?, ?)")) {
            for (Map.Entry<String, String> e : f.reportSubjectTemplates().entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        HistoryRepository.append(c, history);
        return f.withVersion(next);
    }

    /** A unique key violation, by its standard SQL state (H2 and PostgreSQL both report 23505). */
    private static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    private static long storedVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM email_format WHERE id = 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void bind(PreparedStatement ps, EmailFormat f, long version) throws SQLException {
        ps.setString(1, f.userUrl());
        ps.setString(2, f.operatorUrl());
        ps.setString(3, f.defaultLanguage());
        ps.setLong(4, version);
        ps.setObject(5, SqlTime.odt(Instant.now()));
        ps.setString(6, ChangeLog.currentOsUser());
    }
}
