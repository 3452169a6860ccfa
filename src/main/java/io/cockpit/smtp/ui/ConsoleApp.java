package io.cockpit.smtp.ui;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.access.Caller;
import io.cockpit.smtp.core.history.ChangeSource;
import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.core.store.StoreException;
import io.cockpit.smtp.ui.common.Dialogs;
import io.cockpit.smtp.ui.common.ExecutorRunner;
import io.cockpit.smtp.ui.common.FxEvents;
import io.cockpit.smtp.ui.common.I18n;
import io.cockpit.smtp.ui.common.UiContext;
import io.cockpit.smtp.ui.main.MainWindow;
import io.cockpit.smtp.ui.main.OpeningView;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's composition root. The window comes first: it shows, with its title, icon and a progress indicator,
 * as soon as the toolkit runs; then the store opens off the FX thread, and the main view and its screens are built
 * by hand into that window (constructor injection through FXMLLoader controller factories, see
 * {@link io.cockpit.smtp.ui.main.ScreenRegistry}).
 *
 * <p>The store is not opened beside the toolkit's start: on a busy machine its class loading delayed the window by
 * half as much again (2.8–3.3 s against 2.0–2.2 s, a hello-world window 1.7 s), for little gain on an idle one.
 */
public final class ConsoleApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);
    /** The window's icons, every size the desktop may pick from (title bar, task switcher, dock). */
    public static final List<String> ICONS = List.of(16, 24, 32, 48, 64, 128, 256, 512).stream()
            .map(size -> "/io/cockpit/smtp/ui/icons/cockpit-smtp-" + size + ".png").toList();

    private static volatile DbLocation launchLocation;

    private final DbLocation location;
    private final I18n i18n;
    /** What to do after telling the user the store cannot be opened: quit (tests keep the toolkit alive). */
    private final Runnable exit;
    private ExecutorRunner runner;
    private volatile CoreServices services;
    private volatile boolean stopped;
    private MainWindow window;
    /** The window, shown from the start (the failure dialog belongs to it). */
    private Stage stage;
    private volatile io.cockpit.smtp.core.engine.EngineRunner engine;
    /** Opens the OAuth provider's page; null: the desktop's browser (tests give their own). */
    private java.util.function.Consumer<java.net.URI> browser;
    /** The store being opened by someone else (a test), or null to open it from {@link #start}. */
    private final CompletableFuture<CoreServices> opening;

    /** Used by {@link Application#launch}: the location comes from {@link #launchConsole}. */
    public ConsoleApp() {
        this(launchLocation, I18n.forSystemLocale().locale());
    }

    public ConsoleApp(DbLocation location, Locale locale) {
        this(location, locale, Platform::exit);
    }

    public ConsoleApp(DbLocation location, Locale locale, Runnable exit) {
        this(location, locale, exit, null);
    }

    /** @param opening the store already being opened elsewhere (null: {@link #start} opens it) */
    public ConsoleApp(DbLocation location, Locale locale, Runnable exit, CompletableFuture<CoreServices> opening) {
        this.location = location;
        this.i18n = new I18n(locale);
        this.exit = exit;
        this.opening = opening;
    }

    /** Called by the Launcher (by reflection, so that a CLI command never loads JavaFX); returns when the window closes. */
    public static void launchConsole(DbLocation location) {
        launchLocation = location;
        Application.launch(ConsoleApp.class);
    }

    @Override
    public void start(Stage stage) {
        runner = ExecutorRunner.forFxThread();
        this.stage = stage;
        stage.setTitle(i18n.get("main.title"));
        stage.setScene(OpeningView.scene(i18n));
        stage.show();
        loadIcons(stage);
        runner.run(() -> {
                    CoreServices opened = openStore();
                    return new Opened(opened, opened.access().caller());
                })
                .onSuccess(opened -> show(stage, opened.services(), opened.caller()))
                .onError(this::storeFailed)
                .start();
    }

    private CoreServices openStore() throws Exception {
        if (opening == null) {
            return CoreServices.open(location, ChangeSource.SCREEN);
        }
        try {
            return opening.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The store and who opens it (who is read from the store, so off the FX thread too). */
    private record Opened(CoreServices services, Caller caller) {
    }

    private void show(Stage stage, CoreServices opened, Caller caller) {
        if (stopped) {
            opened.close();
            return;
        }
        services = opened;
        UiContext context = new UiContext(opened, runner, FxEvents.onFxThread(), i18n, caller);
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
        if (!(e instanceof StoreException)) {
            LOG.error("the console could not open the store", e);
        }
        String sentence = StoreFailureWords.sentence(i18n, e, location);
        new Dialogs(i18n).error(stageOrNull(), i18n.get("store.error.title"), sentence);
        exit.run();
    }

    private Stage stageOrNull() {
        return stage != null && stage.isShowing() ? stage : null;
    }

    /** Decoded off the FX thread (the largest take a few milliseconds each), then given to the window at once. */
    private void loadIcons(Stage stage) {
        runner.run(() -> {
            List<Image> icons = new ArrayList<>();
            for (String resource : ICONS) {
                try (InputStream in = ConsoleApp.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        LOG.warn("no window icon {}", resource);
                    } else {
                        icons.add(new Image(in));
                    }
                }
            }
            return icons;
        }).onSuccess(icons -> stage.getIcons().setAll(icons)).start();
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
