package io.cockpit.smtp.core.store;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.access.Identity;
import io.cockpit.smtp.core.history.ChangeSource;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child JVM for {@link BriefUseTest}: opens the store as a brief command does, says so, holds it for the time given,
 * writes a marker file, then closes the store and exits. Not a test.
 */
public final class HoldBriefly {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        CoreServices core = CoreServices.open(TestStore.location(dir), ChangeSource.COMMAND, Identity.system(),
                StoreUse.BRIEF);
        core.gateways().loadPortal();
        System.out.println("HELD");
        System.out.flush();
        Thread.sleep(Long.parseLong(args[1]));
        Files.writeString(dir.resolve("released"), "closing now");
        core.close();
        System.exit(0);
    }
}
