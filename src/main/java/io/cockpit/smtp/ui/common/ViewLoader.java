package io.cockpit.smtp.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/** Loads an FXML view with the current bundle and a controller factory (constructor injection, no framework). */
public final class ViewLoader {
    private final I18n i18n;

    public ViewLoader(I18n i18n) {
        this.i18n = i18n;
    }

    public record View<C>(Parent root, C controller) {
    }

    public <C> View<C> load(String resource, Callback<Class<?>, Object> controllers) {
        URL url = ViewLoader.class.getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("no view " + resource);
        }
        FXMLLoader loader = new FXMLLoader(url, i18n.bundle());
        loader.setControllerFactory(controllers);
        try {
            Parent root = loader.load();
            return new View<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
        }
    }
}
