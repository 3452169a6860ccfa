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
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Syntax;
import io.cockpit.smtp.ui.common.SaveFailure;
import io.cockpit.smtp.ui.common.BackgroundRunner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Format des emails screen's state: the portal URLs, the languages and the default one, one
 * {@link TemplateTabViewModel} per language, and the commands save, revert, reload, add and remove a language.
 * Every edit re-renders the previews through {@link FormatService#preview}, the code that sends, on the runner.
 */
public final class FormatViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(FormatViewModel.class);

    /** What the screen says above its fields after a load or save; the words are {@code format.notice.<KIND>}. */
    public enum Notice { SAVED, CONFLICT, INVALID, LOAD_FAILED, SAVE_FAILED }

    private final FormatService formats;
    private final GatewayService gateways;
    private final BackgroundRunner runner;

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
    private final Map<String, ReadOnlyObjectWrapper<FieldProblem>> problems = new LinkedHashMap<>();

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final BooleanBinding canSave = Bindings.createBooleanBinding(
            () -> loaded.get() && dirty.get() && valid.get() && !busy.get(), loaded, dirty, valid, busy);

    private EmailFormat original;
    private String senderDisplayName;
    private String senderAddress;
    private boolean applying;

    public FormatViewModel(FormatService formats, GatewayService gateways, BackgroundRunner runner) {
        this.formats = formats;
        this.gateways = gateways;
        this.runner = runner;
        for (String f : List.of(FormatField.USER_URL, FormatField.OPERATOR_URL, FormatField.LANGUAGES, FormatField.DEFAULT_LANGUAGE)) {
            problems.put(f, new ReadOnlyObjectWrapper<>(this, f));
        }
        userUrl.addListener((o, old, now) -> urlChanged());
        operatorUrl.addListener((o, old, now) -> urlChanged());
        defaultLanguage.addListener((o, old, now) -> changed());
    }

    // --- commands ---

    /** Loads the stored format (the defaults when none is stored) and the gateway's sender, dropping any edit. */
    public void load() {
        busy.set(true);
        notice.set(null);
        runner.run(() -> new Loaded(formats.load(), sender()))
                .onSuccess(l -> {
                    senderDisplayName = l.sender().map(GatewayConfig::displayName).orElse(null);
                    senderAddress = l.sender().map(GatewayConfig::from).orElse(null);
                    apply(l.format());
                    loaded.set(true);
                })
                .onError(e -> {
                    LOG.warn("the email format could not be loaded: {}", e.toString());
                    notice.set(Notice.LOAD_FAILED);
                })
                .andFinally(() -> busy.set(false));
    }

    private Optional<GatewayConfig> sender() {
        try {
            return Optional.of(gateways.loadPortal());
        } catch (RuntimeException e) {
            // The preview's From line is a nicety: the format screen works without a gateway.
            LOG.warn("the gateway's sender could not be read for the preview: {}", e.toString());
            return Optional.empty();
        }
    }

    public void loadIfNeeded() {
        if (!loaded.get() && !busy.get()) {
            load();
        }
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        EmailFormat draft = toFormatUnchecked();
        busy.set(true);
        notice.set(null);
        runner.run(() -> formats.save(draft))
                .onSuccess(saved -> {
                    apply(saved);
                    notice.set(Notice.SAVED);
                })
                .onError(this::saveFailed)
                .andFinally(() -> busy.set(false));
    }

    private void saveFailed(Throwable e) {
        switch (SaveFailure.of(e, problems)) {
            case CONFLICT -> notice.set(Notice.CONFLICT);
            case INVALID -> {
                valid.set(false);
                notice.set(Notice.INVALID);
            }
            case FAILED -> {
                LOG.warn("the email format could not be saved: {}", e.toString());
                notice.set(Notice.SAVE_FAILED);
            }
        }
    }

    public void revert() {
        if (original != null) {
            apply(original);
            notice.set(null);
        }
    }

    /** Adds a language (a tab without a template of its own, so it falls back) unless it is there or invalid. */
    public void addLanguage(String tag) {
        if (tag == null || Syntax.language(tag.trim()).isPresent() || languages.contains(tag.trim())) {
            return;
        }
        String lang = tag.trim();
        languages.add(lang);
        tabs.add(newTab(lang, ""));
        updateAddable();
        changed();
    }

    /** Removes a language and its tab; its template goes at the next save. */
    public void removeLanguage(String lang) {
        if (languages.remove(lang)) {
            tabs.removeIf(t -> t.language().equals(lang));
            updateAddable();
            changed();
        }
    }

    // --- state ---

    private record Loaded(EmailFormat format, Optional<GatewayConfig> sender) {
    }

    private void apply(EmailFormat f) {
        applying = true;
        try {
            original = f;
            userUrl.set(f.userUrl() == null ? "" : f.userUrl());
            operatorUrl.set(f.operatorUrl() == null ? "" : f.operatorUrl());
            languages.setAll(f.languages());
            defaultLanguage.set(f.defaultLanguage());
            // A tab still there keeps its view model (and so its editor, undo history and sample values).
            tabs.setAll(f.languages().stream().map(l -> tab(l).map(t -> {
                t.textProperty().set(f.templateOf(l).orElse(""));
                return t;
            }).orElseGet(() -> newTab(l, f.templateOf(l).orElse("")))).toList());
        } finally {
            applying = false;
        }
        syncUrlSamples();
        updateAddable();
        changed();
    }

    /** The languages that can still be added (only when the list changes: a combo box's items are not reset per keystroke). */
    private void updateAddable() {
        addableLanguages.setAll(PortalLanguages.CHOICES.stream().filter(l -> !languages.contains(l)).toList());
    }

    private TemplateTabViewModel newTab(String lang, String text) {
        TemplateTabViewModel tab = new TemplateTabViewModel(lang, formats.sampleValues(toFormatUnchecked(), lang));
        tab.textProperty().set(text);
        // The default language's text is what the other tabs fall back to: every tab follows it.
        tab.textProperty().addListener((o, old, now) -> changed());
        tab.samples().forEach(s -> s.valueProperty().addListener((o, old, now) -> refresh(List.of(tab))));
        return tab;
    }

    private void urlChanged() {
        if (applying) {
            return;
        }
        syncUrlSamples();
        changed();
    }

    /** The URL variables' sample values are the URL fields (the previews show the links as they will be). */
    private void syncUrlSamples() {
        boolean was = applying;
        applying = true;
        try {
            for (TemplateTabViewModel tab : tabs) {
                tab.sample(ReportCatalogue.USER_PORTAL_URL, userUrl.get());
                tab.sample(ReportCatalogue.OPERATOR_PORTAL_URL, operatorUrl.get());
            }
        } finally {
            applying = was;
        }
    }

    /** After any edit: the fields' problems, dirty, and every tab's preview. */
    private void changed() {
        if (applying) {
            return;
        }
        EmailFormat draft = toFormatUnchecked();
        problems.values().forEach(w -> w.set(null));
        for (FieldProblem p : formats.checkFields(draft)) {
            ReadOnlyObjectWrapper<FieldProblem> w = problems.get(p.field());
            if (w != null && w.get() == null) {
                w.set(p);
            }
        }
        dirty.set(original != null && !FormatService.normalize(draft).equals(FormatService.normalize(original)));
        if (dirty.get() && notice.get() == Notice.SAVED) {
            notice.set(null);
        }
        refresh(List.copyOf(tabs));
        revalidate();
    }

    /**
     * Re-renders the previews of {@code which} in one piece of background work (all tabs follow an edit of the
     * default language's template, so an edit usually refreshes them all); each tab drops a result that is no longer
     * the answer to its latest request.
     */
    private void refresh(List<TemplateTabViewModel> which) {
        if (applying || which.isEmpty()) {
            return;
        }
        EmailFormat draft = toFormatUnchecked();
        String display = senderDisplayName;
        String address = senderAddress;
        List<Request> requests = which.stream()
                .map(t -> new Request(t, t.nextGeneration(), t.textProperty().get(), t.sampleMap()))
                .toList();
        revalidate();
        runner.run(() -> requests.stream().map(r -> render(draft, display, address, r)).toList())
                .onSuccess(results -> {
                    boolean applied = false;
                    for (Rendered r : results) {
                        applied |= r.request().tab().apply(r.request().generation(), r.preview(), r.email());
                    }
                    if (applied) {
                        revalidate();
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

    private void revalidate() {
        boolean fieldsOk = problems.values().stream().allMatch(p -> p.get() == null || !p.get().isError());
        boolean tabsOk = tabs.stream().allMatch(t -> t.upToDateProperty().get() && !t.blockingProperty().get());
        valid.set(fieldsOk && tabsOk);
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
                templates, original == null ? 0 : original.version());
    }

    // --- properties ---

    public StringProperty userUrlProperty() { return userUrl; }
    public StringProperty operatorUrlProperty() { return operatorUrl; }
    public ObservableList<String> languages() { return languagesView; }
    public ObjectProperty<String> defaultLanguageProperty() { return defaultLanguage; }
    public ObservableList<String> addableLanguages() { return addableLanguages; }
    public ObservableList<TemplateTabViewModel> tabs() { return tabsView; }
    public Optional<TemplateTabViewModel> tab(String language) {
        return tabs.stream().filter(t -> t.language().equals(language)).findFirst();
    }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadedProperty() { return loaded.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    public BooleanBinding canSaveProperty() { return canSave; }
    public ReadOnlyObjectProperty<FieldProblem> problemProperty(String field) {
        return problems.get(field).getReadOnlyProperty();
    }
}
