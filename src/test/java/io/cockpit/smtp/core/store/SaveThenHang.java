package io.cockpit.smtp.core.store;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;

/** Child JVM for {@link KillAfterSaveTest}: saves, says so, then waits to be killed. Not a test. */
public final class SaveThenHang {
    public static void main(String[] args) throws Exception {
        CoreServices core = TestStore.open(Path.of(args[0]));
        GatewayService s = core.gateways();
        var saved = s.save(s.loadPortal().toBuilder().server(args[1]).displayName(args[2]).build());
        System.out.println("SAVED " + saved.version());
        System.out.flush();
        Thread.sleep(60_000);
    }
}
