package io.cockpit.smtp.ui;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.core.store.StoreException;
import io.cockpit.smtp.ui.common.Dialogs;
import io.cockpit.smtp.ui.common.ExecutorRunner;
import io.cockpit.smtp.ui.common.FxEvents;
import io.cockpit.smtp.ui.common.I18n;
import io.cockpit.smtp.ui.common.UiContext;
import io.cockpit.smtp.ui.main.MainWindow;
import java.io.InputStream;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's composition root: opens the store off the FX thread, then builds the main window and its screens by
 * hand (constructor injection through FXMLLoader controller factories, see {@link io.cockpit.smtp.ui.main.ScreenRegistry}).
 */
public final class ConsoleApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);
    public static final String ICON = "/io/cockpit/smtp/ui/icon-256.png";

    private static volatile DbLocation launchLocation;

    private final DbLocation location;
    private final I18n i18n;
    /** What to do after telling the user the store cannot be opened: quit (tests keep the toolkit alive). */
    private final Runnable exit;
    private ExecutorRunner runner;
    private volatile CoreServices services;
    private volatile boolean stopped;
    private MainWindow window;
    private volatile io.cockpit.smtp.core.engine.EngineRunner engine;
    /** Opens the OAuth provider's page; null: the desktop's browser (tests give their own). */
    private java.util.function.Consumer<java.net.URI> browser;

    /** Used by {@link Application#launch}: the location comes from {@link #launchConsole}. */
    public ConsoleApp() {
        this(launchLocation, I18n.forSystemLocale().locale());
    }

    public ConsoleApp(DbLocation location, Locale locale) {
        this(location, locale, Platform::exit);
    }

    public ConsoleApp(DbLocation location, Locale locale, Runnable exit) {
        this.location = location;
        this.i18n = new I18n(locale);
        this.exit = exit;
    }

    /** Called by the Launcher (by reflection, so that a CLI command never loads JavaFX); returns when the window closes. */
    public static void launchConsole(DbLocation location) {
        launchLocation = location;
        Application.launch(ConsoleApp.class);
    }

    @Override
    public void start(Stage stage) {
        runner = ExecutorRunner.forFxThread();
        setIcon(stage);
        runner.run(() -> CoreServices.open(location))
                .onSuccess(opened -> show(stage, opened))
                .onError(this::storeFailed)
                .start();
    }

    private void show(Stage stage, CoreServices opened) {
        if (stopped) {
            opened.close();
            return;
        }
        services = opened;
        UiContext context = new UiContext(opened, runner, FxEvents.onFxThread(), i18n);
        java.util.function.Consumer<java.net.URI> open = browser;
        if (open == null) {
            javafx.application.HostServices host = getHostServices();
            open = uri -> Platform.runLater(() -> host.showDocument(uri.toString()));
        }
        context.useBrowser(open);
        window = new MainWindow(context, stage);
        window.show();
        runner.run(() -> LocalEngine.startIfFree(opened))
                .onSuccess(started -> {
                    engine = started.orElse(null);
                    if (stopped && engine != null) {
                        engine.stop(java.time.Duration.ofSeconds(10));
                    }
                })
                .start();
    }

    private void storeFailed(Throwable e) {
        String sentence;
        if (e instanceof StoreException s) {
            sentence = i18n.of("store.error", s.reason(), s.location());
            if (s.reason() == StoreException.Reason.UNAVAILABLE && s.getCause() != null) {
                // No words of ours fit an unforeseen cause: show its own (a technical fact, such as the driver's
                // message), so the administrator can act on it; our sentence above already says the rest.
                sentence += "\n" + s.causeText();
            }
        } else {
            LOG.error("the console could not open the store", e);
            sentence = i18n.of("store.error", StoreException.Reason.UNAVAILABLE, location.display());
        }
        new Dialogs(i18n).error(null, i18n.get("store.error.title"), sentence);
        exit.run();
    }

    private static void setIcon(Stage stage) {
        try (InputStream in = ConsoleApp.class.getResourceAsStream(ICON)) {
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        } catch (java.io.IOException e) {
            LOG.warn("no window icon: {}", e.toString());
        }
    }

    /** Before {@link #start}: how the provider's sign-in page is opened (tests play the browser). */
    public void useBrowser(java.util.function.Consumer<java.net.URI> open) {
        browser = open;
    }

    /** The window, once the store is open (null before); for tests. */
    public MainWindow window() {
        return window;
    }

    @Override
    public void stop() {
        stopped = true;
        if (engine != null) {
            // Finishes or gives back the message in hand (every SMTP wait has its timeout), then lets the engine go.
            engine.stop(java.time.Duration.ofSeconds(10));
            engine = null;
        }
        if (runner != null) {
            runner.close();
        }
        if (services != null) {
            services.close();
        }
    }
}
