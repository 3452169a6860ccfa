package io.cockpit.smtp.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StoreExceptionTest {
    @Test
    void theDriversReasonIsKeptWithoutTheJavaClassNamesItQuotes() {
        SQLException driver = new SQLException("SSL error: PKIX path building failed: "
                + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path\nmore");
        StoreException e = StoreException.of(StoreException.Reason.TLS_FAILED, "jdbc:postgresql://db:5432/c",
                new StoreException.Facts("db:5432", "c", "u", "public", null), driver);
        assertEquals("SSL error: PKIX path building failed: unable to find valid certification path", e.causeText());
    }
}
