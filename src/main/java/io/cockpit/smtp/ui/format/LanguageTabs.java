package io.cockpit.smtp.ui.format;

import io.cockpit.smtp.ui.common.I18n;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The template tabs of the Format des emails screen: one per language, in the languages' order, each titled with its
 * language (marked when it is the default, or when its template blocks the save); the selected language stays selected.
 */
final class LanguageTabs {
    private final TabPane pane;
    private final FormatViewModel vm;
    private final I18n i18n;
    private final Function<TemplateTabViewModel, Parent> views;
    /** Kept by view model so a tab (and its editor's undo history) survives other tabs being added or removed. */
    private final Map<TemplateTabViewModel, Tab> tabs = new HashMap<>();

    private LanguageTabs(TabPane pane, FormatViewModel vm, I18n i18n, Function<TemplateTabViewModel, Parent> views) {
        this.pane = pane;
        this.vm = vm;
        this.i18n = i18n;
        this.views = views;
    }

    /** @param views makes a language's tab content (its view, loaded once per tab) */
    static void bind(TabPane pane, FormatViewModel vm, I18n i18n, Function<TemplateTabViewModel, Parent> views) {
        LanguageTabs tabs = new LanguageTabs(pane, vm, i18n, views);
        vm.tabs().addListener((ListChangeListener<TemplateTabViewModel>) c -> tabs.sync());
        tabs.sync();
    }

    private void sync() {
        Tab selected = pane.getSelectionModel().getSelectedItem();
        tabs.keySet().retainAll(vm.tabs());
        List<Tab> ordered = vm.tabs().stream().map(t -> tabs.computeIfAbsent(t, this::newTab)).toList();
        pane.getTabs().setAll(ordered);
        if (selected != null && ordered.contains(selected)) {
            pane.getSelectionModel().select(selected);
        }
    }

    private Tab newTab(TemplateTabViewModel tabVm) {
        Tab tab = new Tab();
        tab.setId("tab-" + tabVm.language());
        tab.setContent(views.apply(tabVm));
        tab.textProperty().bind(Bindings.createStringBinding(() -> tabVm.language()
                        + (tabVm.language().equals(vm.defaultLanguageProperty().get()) ? " " + i18n.get("format.tab.default") : "")
                        + (tabVm.blockingProperty().get() ? " ⚠" : ""),
                vm.defaultLanguageProperty(), tabVm.blockingProperty()));
        return tab;
    }
}
