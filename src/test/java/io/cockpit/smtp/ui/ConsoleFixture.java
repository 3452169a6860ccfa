package io.cockpit.smtp.ui;

import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The set-up every screen test shares: the real console (French) on a real H2 file in a test folder, opened in
 * its own window, and closed after each test so the next one starts from a fresh store.
 */
public abstract class ConsoleFixture extends FxRobot {
    @TempDir
    protected Path dir;
    protected ConsoleApp app;
    protected Stage stage;

    @BeforeAll
    static void registerToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Safe to call twice: a test that must stop the console before its own servers calls it first. */
    @AfterEach
    protected void closeConsole() throws Exception {
        if (app != null) {
            FxToolkit.setupFixture(() -> stage.close());
            app.stop();
            app = null;
        }
    }

    /** The store the console opens; a test that prepares its data elsewhere overrides this. */
    protected DbLocation location() {
        return TestStore.location(dir);
    }

    /** Starts the console as the launcher does (closing it exits the platform). */
    protected void startConsole() throws Exception {
        startConsole(Platform::exit);
    }

    /** How the console opens the OAuth provider's page; null: it is not expected to. */
    protected java.util.function.Consumer<java.net.URI> browser;

    protected void startConsole(Runnable exit) throws Exception {
        startConsole(exit, null);
    }

    /** Starts the console on a store opened by the test: it completes {@code opening} when it wants the store ready. */
    protected void startConsole(Runnable exit, java.util.concurrent.CompletableFuture<io.cockpit.smtp.core.CoreServices> opening)
            throws Exception {
        app = new ConsoleApp(location(), Locale.FRENCH, exit, opening);
        if (browser != null) {
            app.useBrowser(browser);
        }
        stage = FxToolkit.setupFixture(() -> {
            Stage s = new Stage();
            app.start(s);
            return s;
        });
    }

    /** The store opens and the gateway loads on the background runner: waits until the form is usable. */
    protected void waitForGatewayForm() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> lookup("#form").tryQuery().map(n -> !n.isDisabled()).orElse(false));
    }

    /** Starts the console on its first screen, Passerelle SMTP, ready to be edited. */
    protected void openGatewayScreen() throws Exception {
        startConsole();
        waitForGatewayForm();
    }

    /** Starts the console and navigates to the screen registered under this id. */
    protected void openScreen(String screenId) throws Exception {
        startConsole();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.window() != null);
        interact(() -> app.window().controller().open(screenId));
    }

    protected <T extends Node> T node(String id) {
        return lookup(id).query();
    }
}
