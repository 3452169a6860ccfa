package io.cockpit.smtp.testing;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.store.DbLocation;
import java.nio.file.Path;

/** Real H2 files in a test folder, and a gateway pointing at a local test server. */
public final class TestStore {
    private TestStore() {
    }

    public static DbLocation location(Path dir) {
        return DbLocation.resolve(dir.resolve("db").toString(), dir.resolve("test.key").toString());
    }

    public static CoreServices open(Path dir) {
        return CoreServices.open(location(dir));
    }

    /** Saves the portal gateway: plain SMTP to 127.0.0.1:port, From and Reply-To set, short timeouts. */
    public static GatewayConfig plainGateway(CoreServices s, int port, GatewayStatus status) throws Exception {
        GatewayConfig current = s.gateways().loadPortal();
        return s.gateways().save(current.toBuilder().status(status).server("127.0.0.1").port(port)
                .from("itsm@example.com").displayName("Service desk Été").replyTo("support@example.com")
                .connectTimeoutSeconds(2).readTimeoutSeconds(2).build());
    }
}
