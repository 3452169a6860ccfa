package io.cockpit.smtp.core.store;

import java.sql.SQLException;

/** An unexpected SQL failure while the store is open (disk full, connection lost): unchecked, logged by the caller. */
public final class StoreFailure extends RuntimeException {
    public StoreFailure(SQLException cause) {
        super("The configuration store failed: " + StoreException.firstLine(cause), cause);
    }
}
