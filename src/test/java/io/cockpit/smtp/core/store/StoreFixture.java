package io.cockpit.smtp.core.store;

import io.cockpit.smtp.core.CoreServices;
import java.nio.file.Path;

/** Opens the real store on an H2 file in a test folder. */
public final class StoreFixture {
    private StoreFixture() {
    }

    public static DbLocation location(Path dir) {
        return DbLocation.resolve(dir.resolve("cockpit").toString(), dir.resolve("cockpit-smtp.key").toString());
    }

    public static CoreServices open(Path dir) {
        return CoreServices.open(location(dir));
    }
}
