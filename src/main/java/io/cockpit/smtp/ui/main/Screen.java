package io.cockpit.smtp.ui.main;

import io.cockpit.smtp.ui.common.UiContext;
import java.util.List;
import java.util.function.Function;

/**
 * One screen of the console as the navigation knows it.
 *
 * @param id stable name (used to reopen the same screen after a language switch)
 * @param menu the bundle keys of the menus above it, outermost first (Administration, Connectivité)
 * @param titleKey the bundle key of its entry in the navigation
 * @param fxml the view's resource path
 * @param controllerType the controller class the FXML names in {@code fx:controller}
 * @param controller builds that controller from the context (constructor injection)
 */
public record Screen(String id, List<String> menu, String titleKey, String fxml, Class<?> controllerType,
                     Function<UiContext, Object> controller) {
    public Screen {
        menu = List.copyOf(menu);
    }
}
