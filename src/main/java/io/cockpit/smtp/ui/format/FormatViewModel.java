package io.cockpit.smtp.ui.format;

import io.cockpit.smtp.core.format.EmailFormat;
import io.cockpit.smtp.core.format.FormatField;
import io.cockpit.smtp.core.format.FormatService;
import io.cockpit.smtp.core.format.PortalLanguages;
import io.cockpit.smtp.core.format.SampleEmail;
import io.cockpit.smtp.core.format.SubjectPreview;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.template.ReportCatalogue;
import io.cockpit.smtp.core.validation.Syntax;
import io.cockpit.smtp.ui.common.BackgroundRunner;
import io.cockpit.smtp.ui.common.FormModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Format des emails screen's fields: the portal URLs, the languages and the default one, one
 * {@link TemplateTabViewModel} per language, and the commands add and remove a language; load, save, revert and
 * their state are the {@link #form()}'s. Every edit re-renders the previews through {@link FormatService#preview},
 * the code that sends, on the runner.
 */
public final class FormatViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(FormatViewModel.class);

    private final FormatService formats;
    private final BackgroundRunner runner;
    private final FormModel<Stored> form;

    private final StringProperty userUrl = new SimpleStringProperty(this, FormatField.USER_URL, "");
    private final StringProperty operatorUrl = new SimpleStringProperty(this, FormatField.OPERATOR_URL, "");
    private final ObservableList<String> languages = FXCollections.observableArrayList();
    private final ObjectProperty<String> defaultLanguage = new SimpleObjectProperty<>(this, FormatField.DEFAULT_LANGUAGE);
    private final ObservableList<String> addableLanguages = FXCollections.observableArrayList();
    private final ObservableList<TemplateTabViewModel> tabs = FXCollections.observableArrayList();
    // Made once and kept: an unmodifiable view listens weakly to its list, so a view made per call could be collected
    // with its listeners.
    private final ObservableList<String> languagesView = FXCollections.unmodifiableObservableList(languages);
    private final ObservableList<TemplateTabViewModel> tabsView = FXCollections.unmodifiableObservableList(tabs);

    /** The version the buffer was filled from: a save over a newer one is a conflict. */
    private long version;
    /** The portal gateway, for the sample email's From line. */
    private Optional<GatewayConfig> sender = Optional.empty();
    /** True while the URL samples follow the URL fields: each tab re-renders once, after. */
    private boolean syncingSamples;

    public FormatViewModel(FormatService formats, GatewayService gateways, BackgroundRunner runner) {
        this.formats = formats;
        this.runner = runner;
        this.form = FormModel.<Stored>builder(runner, "the email format")
                .fields(List.of(FormatField.USER_URL, FormatField.OPERATOR_URL, FormatField.LANGUAGES,
                        FormatField.DEFAULT_LANGUAGE))
                .loads(() -> new Stored(formats.load(), sender(gateways)))
                .shows(this::show, () -> FormatService.normalize(toFormatUnchecked()))
                .saves(this::saving)
                .checks(this::check)
                .readyWhen(() -> tabs.stream().allMatch(t -> t.upToDateProperty().get() && !t.blockingProperty().get()))
                .build();
        userUrl.addListener((o, old, now) -> urlChanged());
        operatorUrl.addListener((o, old, now) -> urlChanged());
        defaultLanguage.addListener((o, old, now) -> form.changed());
    }

    /** What a load or a save brings back: the format, and the gateway whose sender the sample emails show. */
    private record Stored(EmailFormat format, Optional<GatewayConfig> sender) {
    }

    private static Optional<GatewayConfig> sender(GatewayService gateways) {
        try {
            return Optional.of(gateways.loadPortal());
        } catch (RuntimeException e) {
            // The preview's From line is a nicety: the format screen works without a gateway.
            LOG.warn("the gateway's sender could not be read for the preview: {}", e.toString());
            return Optional.empty();
        }
    }

    // --- commands ---

    /** Adds a language (a tab without a template of its own, so it falls back) unless it is there or invalid. */
    public void addLanguage(String tag) {
        if (tag == null || Syntax.language(tag.trim()).isPresent() || languages.contains(tag.trim())) {
            return;
        }
        String lang = tag.trim();
        languages.add(lang);
        tabs.add(newTab(lang, ""));
        updateAddable();
        form.changed();
    }

    /** Removes a language and its tab; its template goes at the next save. */
    public void removeLanguage(String lang) {
        if (languages.remove(lang)) {
            tabs.removeIf(t -> t.language().equals(lang));
            updateAddable();
            form.changed();
        }
    }

    // --- to and from the record ---

    private void show(Stored stored) {
        EmailFormat f = stored.format();
        version = f.version();
        sender = stored.sender();
        userUrl.set(f.userUrl() == null ? "" : f.userUrl());
        operatorUrl.set(f.operatorUrl() == null ? "" : f.operatorUrl());
        languages.setAll(f.languages());
        defaultLanguage.set(f.defaultLanguage());
        // A tab still there keeps its view model (and so its editor, undo history and sample values).
        tabs.setAll(f.languages().stream().map(l -> tab(l).map(t -> {
            t.textProperty().set(f.templateOf(l).orElse(""));
            return t;
        }).orElseGet(() -> newTab(l, f.templateOf(l).orElse("")))).toList());
        syncUrlSamples();
        updateAddable();
    }

    private Callable<Stored> saving() {
        EmailFormat draft = toFormatUnchecked();
        Optional<GatewayConfig> from = sender;
        return () -> new Stored(formats.save(draft), from);
    }

    /** The edit buffer as a record (the version it was loaded at), whether valid or not. */
    EmailFormat toFormatUnchecked() {
        Map<String, String> templates = new LinkedHashMap<>();
        for (TemplateTabViewModel t : tabs) {
            String text = t.textProperty().get();
            if (text != null && !text.isBlank()) {
                templates.put(t.language(), text);
            }
        }
        return new EmailFormat(userUrl.get(), operatorUrl.get(), List.copyOf(languages), defaultLanguage.get(),
                templates, version);
    }

    /** The languages that can still be added (only when the list changes: a combo box's items are not reset per keystroke). */
    private void updateAddable() {
        addableLanguages.setAll(PortalLanguages.CHOICES.stream().filter(l -> !languages.contains(l)).toList());
    }

    private TemplateTabViewModel newTab(String lang, String text) {
        TemplateTabViewModel tab = new TemplateTabViewModel(lang, formats.sampleValues(toFormatUnchecked(), lang));
        tab.textProperty().set(text);
        // The default language's text is what the other tabs fall back to: every tab follows it.
        tab.textProperty().addListener((o, old, now) -> form.changed());
        tab.samples().forEach(s -> s.valueProperty().addListener((o, old, now) -> refresh(List.of(tab))));
        return tab;
    }

    // --- checks and previews ---

    private void urlChanged() {
        if (form.showing()) {
            return;
        }
        syncUrlSamples();
        form.changed();
    }

    /** The URL variables' sample values are the URL fields (the previews show the links as they will be). */
    private void syncUrlSamples() {
        syncingSamples = true;
        try {
            for (TemplateTabViewModel tab : tabs) {
                tab.sample(ReportCatalogue.USER_PORTAL_URL, userUrl.get());
                tab.sample(ReportCatalogue.OPERATOR_PORTAL_URL, operatorUrl.get());
            }
        } finally {
            syncingSamples = false;
        }
    }

    /** After any edit: the fields' problems and every tab's preview. */
    private void check() {
        form.problems().showFirstOfEach(formats.checkFields(toFormatUnchecked()));
        refresh(List.copyOf(tabs));
    }

    /**
     * Re-renders the previews of {@code which} in one piece of background work (all tabs follow an edit of the
     * default language's template, so an edit usually refreshes them all); each tab drops a result that is no longer
     * the answer to its latest request.
     */
    private void refresh(List<TemplateTabViewModel> which) {
        if (form.showing() || syncingSamples || which.isEmpty()) {
            return;
        }
        EmailFormat draft = toFormatUnchecked();
        String display = sender.map(GatewayConfig::displayName).orElse(null);
        String address = sender.map(GatewayConfig::from).orElse(null);
        List<Request> requests = which.stream()
                .map(t -> new Request(t, t.nextGeneration(), t.textProperty().get(), t.sampleMap()))
                .toList();
        form.revalidate();
        runner.run(() -> requests.stream().map(r -> render(draft, display, address, r)).toList())
                .onSuccess(results -> {
                    boolean applied = false;
                    for (Rendered r : results) {
                        applied |= r.request().tab().apply(r.request().generation(), r.preview(), r.email());
                    }
                    if (applied) {
                        form.revalidate();
                    }
                })
                .onError(e -> LOG.warn("preview failed: {}", e.toString()))
                .start();
    }

    private Rendered render(EmailFormat draft, String display, String address, Request r) {
        String text = r.text().isBlank() ? null : r.text();
        SubjectPreview p = formats.preview(draft, r.tab().language(), text, r.values());
        return new Rendered(r, p, formats.sampleEmail(p, draft, display, address, r.values()));
    }

    private record Request(TemplateTabViewModel tab, long generation, String text, Map<String, String> values) {
    }

    private record Rendered(Request request, SubjectPreview preview, SampleEmail email) {
    }

    // --- properties ---

    /** Load, save, revert, their state and each field's problem (names of {@link FormatField}). */
    public FormModel<?> form() { return form; }
    public StringProperty userUrlProperty() { return userUrl; }
    public StringProperty operatorUrlProperty() { return operatorUrl; }
    public ObservableList<String> languages() { return languagesView; }
    public ObjectProperty<String> defaultLanguageProperty() { return defaultLanguage; }
    public ObservableList<String> addableLanguages() { return addableLanguages; }
    public ObservableList<TemplateTabViewModel> tabs() { return tabsView; }
    public Optional<TemplateTabViewModel> tab(String language) {
        return tabs.stream().filter(t -> t.language().equals(language)).findFirst();
    }
}
