package io.cockpit.smtp.core.gateway;

import io.cockpit.smtp.core.history.HistoryEntry;
import io.cockpit.smtp.core.history.HistoryRepository;
import io.cockpit.smtp.core.store.ConflictException;
import io.cockpit.smtp.core.store.Database;
import io.cockpit.smtp.core.store.SealedSecret;
import io.cockpit.smtp.core.store.SecretUnavailableException;
import io.cockpit.smtp.core.store.SqlTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Gateways in the store, with optimistic locking on {@code version}. */
public final class GatewayRepository {
    private static final String COLUMNS = "name, status, engine, server, port, security, helo, auth, username, password_enc, "
            + "oauth_provider, oauth_tenant, oauth_client_id, oauth_client_secret_enc, oauth_token_url, oauth_scope, "
            + "oauth_refresh_token_enc, from_address, reply_to, display_name, connect_timeout_s, read_timeout_s, "
            + "max_per_minute, preconfigured, version, transport, graph_url, max_recipients_per_day";

    private final Database db;

    public GatewayRepository(Database db) {
        this.db = db;
    }

    public Optional<GatewayConfig> find(String name) {
        return db.inTransaction(c -> find(c, name));
    }

    /** Every stored gateway: the portal's and the engines' specific ones. */
    public List<GatewayConfig> findAll() {
        return db.inTransaction(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM gateway ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            List<GatewayConfig> out = new ArrayList<>();
            for (String n : names) {
                find(c, n).ifPresent(out::add);
            }
            return out;
        });
    }

    /** Re-seals the secrets of one gateway (key rotation); returns it unchanged when it holds none. */
    public interface Resealer {
        GatewayConfig reseal(GatewayConfig g) throws SecretUnavailableException;
    }

    /**
     * Replaces the sealed secrets of every gateway in one transaction that holds every gateway row from the first
     * read to the commit (key rotation): the secrets are read under that lock, so a save that committed first is the
     * one re-sealed, and one that comes later waits. The version of each gateway rewritten goes up, so a form loaded
     * before cannot save its old ciphertext back: it gets a conflict.
     *
     * @return the gateways as stored now
     */
    public List<GatewayConfig> resealAll(Resealer reseal) throws SecretUnavailableException {
        return db.inTransaction(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM gateway ORDER BY name FOR UPDATE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            List<GatewayConfig> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE gateway SET password_enc = ?, oauth_client_secret_enc = ?, "
                    + "oauth_refresh_token_enc = ?, version = version + 1 WHERE name = ? AND version = ?")) {
                for (String name : names) {
                    GatewayConfig g = find(c, name).orElseThrow();
                    GatewayConfig r = reseal.reseal(g);
                    if (r == g) {
                        out.add(g);
                        continue;
                    }
                    ps.setString(1, text(r.password()));
                    ps.setString(2, text(r.oauth().clientSecret()));
                    ps.setString(3, text(r.oauth().refreshToken()));
                    ps.setString(4, name);
                    ps.setLong(5, g.version());
                    if (ps.executeUpdate() != 1) {
                        throw new IllegalStateException("gateway '" + name + "' changed while its row was locked");
                    }
                    out.add(r.toBuilder().version(g.version() + 1).build());
                }
            }
            return out;
        });
    }

    /**
     * Replaces the stored refresh token if it is still {@code expected} (compare and set), bumping the version so that a
     * form loaded before cannot write the used token back. False when another token was stored meanwhile.
     */
    public boolean replaceRefreshToken(String name, SealedSecret expected, SealedSecret next) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE gateway SET oauth_refresh_token_enc = ?, "
                    + "version = version + 1 WHERE name = ? AND oauth_refresh_token_enc = ?")) {
                ps.setString(1, next.ciphertext());
                ps.setString(2, name);
                ps.setString(3, expected.ciphertext());
                return ps.executeUpdate() == 1;
            }
        });
    }

    static Optional<GatewayConfig> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM gateway WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(read(rs, trusted(c, name)));
            }
        }
    }

    private static List<TrustedCertificate> trusted(Connection c, String name) throws SQLException {
        List<TrustedCertificate> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT fingerprint, pem FROM trusted_certificate WHERE gateway_name = ? ORDER BY fingerprint")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TrustedCertificate(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    private static GatewayConfig read(ResultSet rs, List<TrustedCertificate> certs) throws SQLException {
        String provider = rs.getString("oauth_provider");
        GatewayConfig.OAuthSettings oauth = new GatewayConfig.OAuthSettings(
                provider == null ? null : OAuthProvider.valueOf(provider), rs.getString("oauth_tenant"),
                rs.getString("oauth_client_id"), sealed(rs.getString("oauth_client_secret_enc")),
                rs.getString("oauth_token_url"), rs.getString("oauth_scope"), sealed(rs.getString("oauth_refresh_token_enc")));
        return new GatewayConfig(rs.getString("name"), GatewayStatus.valueOf(rs.getString("status")), rs.getString("engine"),
                rs.getString("server"), rs.getInt("port"), Security.valueOf(rs.getString("security")), rs.getString("helo"),
                Authentication.valueOf(rs.getString("auth")), rs.getString("username"), sealed(rs.getString("password_enc")),
                oauth, rs.getString("from_address"), rs.getString("reply_to"), rs.getString("display_name"), certs,
                rs.getInt("connect_timeout_s"), rs.getInt("read_timeout_s"), rs.getInt("max_per_minute"),
                rs.getBoolean("preconfigured"), rs.getLong("version"), Transport.valueOf(rs.getString("transport")),
                rs.getString("graph_url"), rs.getInt("max_recipients_per_day"));
    }

    private static SealedSecret sealed(String s) {
        return s == null ? null : new SealedSecret(s);
    }

    private static String text(SealedSecret s) {
        return s == null ? null : s.ciphertext();
    }

    /**
     * Saves {@code config} if the stored version is still {@code config.version()} (0: none stored yet), with its
     * history, in one transaction. Returns the saved record with its new version.
     */
    public GatewayConfig save(GatewayConfig config, List<HistoryEntry> history) throws ConflictException {
        return db.inTransaction(c -> {
            long expected = config.version();
            long next = expected + 1;
            Optional<GatewayConfig> current = find(c, config.name());
            long actual = current.map(GatewayConfig::version).orElse(0L);
            if (actual != expected) {
                throw new ConflictException("gateway '" + config.name() + "'", expected, actual);
            }
            int n;
            if (current.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO gateway (" + COLUMNS
                        + ", updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    bind(ps, config, next);
                    n = ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("UPDATE gateway SET name=?, status=?, engine=?, server=?, "
                        + "port=?, security=?, helo=?, auth=?, username=?, password_enc=?, oauth_provider=?, oauth_tenant=?, "
                        + "oauth_client_id=?, oauth_client_secret_enc=?, oauth_token_url=?, oauth_scope=?, "
                        + "oauth_refresh_token_enc=?, from_address=?, reply_to=?, display_name=?, connect_timeout_s=?, "
                        + "read_timeout_s=?, max_per_minute=?, preconfigured=?, version=?, transport=?, graph_url=?, "
                        + "max_recipients_per_day=?, updated_at=?, updated_by=? WHERE name = ? AND version = ?")) {
                    bind(ps, config, next);
                    ps.setString(31, config.name());
                    ps.setLong(32, expected);
                    n = ps.executeUpdate();
                }
            }
            if (n != 1) {
                throw new ConflictException("gateway '" + config.name() + "'", expected, actual);
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM trusted_certificate WHERE gateway_name = ?")) {
                del.setString(1, config.name());
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO trusted_certificate (gateway_name, fingerprint, pem) VALUES (?,?,?)")) {
                for (TrustedCertificate t : config.trustedCertificates()) {
                    ins.setString(1, config.name());
                    ins.setString(2, t.fingerprint());
                    ins.setString(3, t.pem());
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            HistoryRepository.append(c, history);
            return config.toBuilder().version(next).build();
        });
    }

    private static void bind(PreparedStatement ps, GatewayConfig g, long version) throws SQLException {
        GatewayConfig.OAuthSettings o = g.oauth();
        int i = 1;
        ps.setString(i++, g.name());
        ps.setString(i++, g.status().name());
        ps.setString(i++, g.engine());
        ps.setString(i++, g.server());
        ps.setInt(i++, g.port());
        ps.setString(i++, g.security().name());
        ps.setString(i++, g.helo());
        ps.setString(i++, g.auth().name());
        ps.setString(i++, g.username());
        ps.setString(i++, text(g.password()));
        ps.setString(i++, o.provider() == null ? null : o.provider().name());
        ps.setString(i++, o.tenant());
        ps.setString(i++, o.clientId());
        ps.setString(i++, text(o.clientSecret()));
        ps.setString(i++, o.tokenUrl());
        ps.setString(i++, o.scope());
        ps.setString(i++, text(o.refreshToken()));
        ps.setString(i++, g.from());
        ps.setString(i++, g.replyTo());
        ps.setString(i++, g.displayName());
        ps.setInt(i++, g.connectTimeoutSeconds());
        ps.setInt(i++, g.readTimeoutSeconds());
        ps.setInt(i++, g.maxPerMinute());
        ps.setBoolean(i++, g.preconfigured());
        ps.setLong(i++, version);
        ps.setString(i++, g.transport().name());
        ps.setString(i++, g.graphUrl());
        ps.setInt(i++, g.maxRecipientsPerDay());
        ps.setObject(i++, SqlTime.odt(Instant.now()));
        ps.setString(i, io.cockpit.smtp.core.history.ChangeLog.currentOsUser());
    }
}
