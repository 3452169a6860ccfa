package io.cockpit.smtp.ui.common;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one adapter from core events to the screens: core calls its plain listeners on whatever thread did the work;
 * the listener returned here runs the screen's code on the FX thread.
 */
public final class FxEvents {
    private final Executor fxThread;

    public FxEvents(Executor fxThread) {
        this.fxThread = fxThread;
    }

    public static FxEvents onFxThread() {
        return new FxEvents(r -> {
            if (Platform.isFxApplicationThread()) {
                r.run();
            } else {
                Platform.runLater(r);
            }
        });
    }

    /** For view-model tests: events delivered on the publishing thread. */
    public static FxEvents inline() {
        return new FxEvents(Runnable::run);
    }

    public <T> Consumer<T> deliver(Consumer<T> onFxThread) {
        return event -> fxThread.execute(() -> onFxThread.accept(event));
    }
}
