package io.cockpit.smtp.ui.format;

import io.cockpit.smtp.core.format.ResolvedTemplate;
import io.cockpit.smtp.core.format.SampleEmail;
import io.cockpit.smtp.core.format.SubjectPreview;
import io.cockpit.smtp.core.template.ReportCatalogue;
import io.cockpit.smtp.core.template.TemplateProblem;
import io.cockpit.smtp.core.template.TemplateVariable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One language tab of "Emails des rapports": the editor's text (empty: the language has no template of its own), the
 * sample values, and the last preview applied. Previews are computed by {@link FormatViewModel}; a result older than
 * the latest request is dropped ({@link #generation}), so a slow result never overwrites a newer one.
 */
public final class TemplateTabViewModel {
    private final String language;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObservableList<SampleValue> samples = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SubjectPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyObjectWrapper<SampleEmail> email = new ReadOnlyObjectWrapper<>(this, "email");
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper(this, "subject", "");
    private final ReadOnlyStringWrapper fallbackFrom = new ReadOnlyStringWrapper(this, "fallbackFrom");
    private final ObservableList<TemplateProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<TemplateProblem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyBooleanWrapper blocking = new ReadOnlyBooleanWrapper(this, "blocking");
    private final ReadOnlyBooleanWrapper upToDate = new ReadOnlyBooleanWrapper(this, "upToDate", false);

    private long generation;

    TemplateTabViewModel(String language, Map<String, String> sampleValues) {
        this.language = language;
        for (TemplateVariable v : ReportCatalogue.get().variables()) {
            samples.add(new SampleValue(v.name(), v.description(language), sampleValues.get(v.name())));
        }
    }

    /** A new preview is asked for: results of earlier requests will be dropped. */
    long nextGeneration() {
        upToDate.set(false);
        return ++generation;
    }

    /** Applies a preview if it answers the latest request; returns whether it did. */
    boolean apply(long requestGeneration, SubjectPreview p, SampleEmail mail) {
        if (requestGeneration != generation) {
            return false;
        }
        preview.set(p);
        email.set(mail);
        subject.set(p.subject());
        boolean own = p.resolved().source() == ResolvedTemplate.Source.GIVEN;
        fallbackFrom.set(own ? null : p.fallbackFrom());
        // A fallback preview's problems belong to the tab it comes from, not to this one.
        problems.setAll(own ? p.problems() : List.of());
        blocking.set(own && p.problems().stream().anyMatch(HighlightSpans::blocksSave));
        upToDate.set(true);
        return true;
    }

    /** The sample values as the preview takes them. */
    Map<String, String> sampleMap() {
        Map<String, String> out = new LinkedHashMap<>();
        samples.forEach(s -> out.put(s.name(), s.valueProperty().get()));
        return out;
    }

    void sample(String name, String value) {
        samples.stream().filter(s -> s.name().equals(name)).findFirst().ifPresent(s -> s.valueProperty().set(value == null ? "" : value));
    }

    public String language() { return language; }
    public StringProperty textProperty() { return text; }
    public ObservableList<SampleValue> samples() { return samples; }
    public ReadOnlyObjectProperty<SubjectPreview> previewProperty() { return preview.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<SampleEmail> emailProperty() { return email.getReadOnlyProperty(); }
    public ReadOnlyStringProperty subjectProperty() { return subject.getReadOnlyProperty(); }
    /** Null while the tab has its own template; else the language it falls back to, or "builtin". */
    public ReadOnlyStringProperty fallbackFromProperty() { return fallbackFrom.getReadOnlyProperty(); }
    public ObservableList<TemplateProblem> problems() { return problemsView; }
    public ReadOnlyBooleanProperty blockingProperty() { return blocking.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty upToDateProperty() { return upToDate.getReadOnlyProperty(); }
}
