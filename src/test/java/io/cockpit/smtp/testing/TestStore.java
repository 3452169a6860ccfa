package io.cockpit.smtp.testing;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.store.DbLocation;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * The real store on H2 files in a test folder, laid out as the CLI lays it out (database {@code cockpit}, key file
 * {@code cockpit-smtp.key} beside it), so a test may open with this and run commands on the same folder.
 */
public final class TestStore {
    private TestStore() {
    }

    public static DbLocation location(Path dir) {
        return DbLocation.resolve(dir.resolve("cockpit").toString(), keyFile(dir).toString());
    }

    public static CoreServices open(Path dir) {
        return CoreServices.open(location(dir));
    }

    /** The H2 file itself, for tests that read, damage or look for it. */
    public static Path databaseFile(Path dir) {
        return dir.resolve("cockpit.mv.db");
    }

    public static Path keyFile(Path dir) {
        return dir.resolve("cockpit-smtp.key");
    }

    /** Saves the portal gateway: plain SMTP to 127.0.0.1:port, From and Reply-To set, short timeouts. */
    public static GatewayConfig plainGateway(CoreServices s, int port, GatewayStatus status) throws Exception {
        GatewayConfig current = s.gateways().loadPortal();
        return s.gateways().save(current.toBuilder().status(status).server("127.0.0.1").port(port)
                .from("itsm@example.com").displayName("Service desk Été").replyTo("support@example.com")
                .connectTimeoutSeconds(2).readTimeoutSeconds(2).build());
    }

    /** Writes every committed page to the file now: H2 does not fsync on commit, and a test reads the file's bytes. */
    public static void flushToFile(CoreServices s) {
        s.database().inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                return st.execute("CHECKPOINT SYNC");
            }
        });
    }

    public static boolean hasTable(CoreServices s, String table) {
        return s.database().inTransaction(c -> {
            for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
                try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        });
    }
}
