package io.cockpit.smtp.ui.common;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.access.Caller;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every screen's controller and view model may be built from: the core services, the background runner, the
 * event adapter and the words. View models are kept here by key, so they (and their unsaved edits) outlive their
 * views: switching the language reloads every view but keeps what the user typed.
 */
public final class UiContext {
    private final CoreServices services;
    private final BackgroundRunner runner;
    private final FxEvents events;
    private final I18n i18n;
    private final RoleGate roles;
    private final Map<String, Object> viewModels = new HashMap<>();
    private volatile java.util.function.Consumer<java.net.URI> browser = uri -> {
        throw new IllegalStateException("no browser to open " + uri);
    };

    /** @param caller who uses the console and their role, read off the FX thread when the store opened */
    public UiContext(CoreServices services, BackgroundRunner runner, FxEvents events, I18n i18n, Caller caller) {
        this.services = services;
        this.roles = new RoleGate(caller);
        this.runner = runner;
        this.events = events;
        this.i18n = i18n;
    }

    public CoreServices services() { return services; }
    public BackgroundRunner runner() { return runner; }
    public FxEvents events() { return events; }
    public I18n i18n() { return i18n; }
    /** What the user's role lets the screens offer. */
    public RoleGate roles() { return roles; }

    /** Opens a page in the system browser (the OAuth provider's sign-in); may be called off the FX thread. */
    public java.util.function.Consumer<java.net.URI> browser() {
        return uri -> browser.accept(uri);
    }

    /** The console gives the desktop's browser; tests give an HTTP client that follows the page as a browser would. */
    public void useBrowser(java.util.function.Consumer<java.net.URI> open) {
        browser = open;
    }

    public Dialogs dialogs() {
        return new Dialogs(i18n);
    }

    public FieldDecoration decoration() {
        return new FieldDecoration(i18n);
    }

    public ViewLoader loader() {
        return new ViewLoader(i18n);
    }

    /** The view model kept under {@code key}, made on first use (FX thread only). */
    @SuppressWarnings("unchecked")
    public <T> T viewModel(String key, Supplier<T> make) {
        return (T) viewModels.computeIfAbsent(key, k -> make.get());
    }
}
