package io.cockpit.smtp.core.mail.diagnosis;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@link DiagnosisFixture} per test class, on a store in the class's test folder, closed after the class. The
 * fields are static because the fixture lives for the class; test classes run one after another (no parallel run).
 */
abstract class DiagnosisTestBase {
    @TempDir
    static Path dir;
    static DiagnosisFixture fx;

    @BeforeAll
    static void openFixture() {
        fx = new DiagnosisFixture(dir);
    }

    @AfterAll
    static void closeFixture() {
        fx.close();
    }
}
