package io.cockpit.smtp.ui.format;

import io.cockpit.smtp.core.format.ResolvedTemplate;
import io.cockpit.smtp.core.format.SampleEmail;
import io.cockpit.smtp.core.format.SubjectPreview;
import io.cockpit.smtp.core.template.ReportCatalogue;
import io.cockpit.smtp.core.template.TemplateProblem;
import io.cockpit.smtp.core.template.TemplateVariable;
import io.cockpit.smtp.ui.common.FieldDecoration;
import io.cockpit.smtp.ui.common.I18n;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * One language tab: the template editor (highlighted from the preview's own parse result), the problems, the
 * variables that insert at the caret, the sample values and the live preview. Binding only; the rules are in the
 * view model and core.
 */
public final class TemplateTabController {
    static final String FXML = "/io/cockpit/smtp/ui/format/TemplateTabView.fxml";

    private final TemplateTabViewModel tab;
    private final I18n i18n;
    private final Popup completion = new Popup();
    private final ListView<TemplateVariable> completionList = new ListView<>();

    @FXML private CodeArea editor;
    @FXML private ListView<TemplateProblem> problemsList;
    @FXML private ListView<TemplateVariable> variablesList;
    @FXML private GridPane samplesGrid;
    @FXML private Label previewSubject, previewFrom, previewMailSubject, fallbackLabel;
    @FXML private TextArea previewBody;
    @FXML private VBox fallbackBanner;
    @FXML private VBox sampleSendHolder;
    /** "Envoyer un exemple" under the preview (null: none). */
    private javafx.scene.Parent samplePanel;

    public TemplateTabController(TemplateTabViewModel tab, I18n i18n, javafx.scene.Parent samplePanel) {
        this(tab, i18n);
        this.samplePanel = samplePanel;
    }

    public TemplateTabController(TemplateTabViewModel tab, I18n i18n) {
        this.tab = tab;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        if (samplePanel != null) {
            sampleSendHolder.getChildren().setAll(samplePanel);
        }
        String lang = tab.language();
        // Ids per language: every tab has the same view, tests and CSS tell them apart by these.
        editor.setId("editor-" + lang);
        previewSubject.setId("previewSubject-" + lang);
        fallbackLabel.setId("fallbackLabel-" + lang);
        problemsList.setId("problems-" + lang);
        variablesList.setId("variables-" + lang);
        previewBody.setId("previewBody-" + lang);
        previewFrom.setId("previewFrom-" + lang);

        editor.replaceText(tab.textProperty().get());
        editor.textProperty().addListener((o, old, now) -> {
            if (!now.equals(tab.textProperty().get())) {
                tab.textProperty().set(now);
            }
            updateCompletion();
        });
        tab.textProperty().addListener((o, old, now) -> {
            if (!now.equals(editor.getText())) {
                editor.replaceText(now);
            }
        });
        editor.caretPositionProperty().addListener((o, old, now) -> updateCompletion());
        editor.focusedProperty().addListener((o, old, now) -> {
            if (!now) {
                completion.hide();
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::completionKeys);

        completionList.getStyleClass().add("completion-list");
        completionList.setFocusTraversable(false); // typing must keep going to the editor while the list is shown
        completionList.setCellFactory(l -> variableCell());
        completionList.setOnMouseClicked(e -> Optional.ofNullable(completionList.getSelectionModel().getSelectedItem())
                .ifPresent(this::complete));
        completion.getContent().add(completionList);
        completion.setAutoHide(true);

        variablesList.setItems(FXCollections.observableList(ReportCatalogue.get().variables()));
        variablesList.setCellFactory(l -> variableCell());
        variablesList.setOnMouseClicked(e -> {
            TemplateVariable v = variablesList.getSelectionModel().getSelectedItem();
            if (v != null && e.getButton() == MouseButton.PRIMARY) {
                insert(v);
            }
        });

        problemsList.setItems(tab.problems());
        problemsList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(TemplateProblem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : i18n.of("format.problem", p.kind(), p.column(), p.name(), "${" + p.name() + "}"));
                pseudoClassStateChanged(FieldDecoration.INVALID, !empty && p != null && HighlightSpans.blocksSave(p));
                pseudoClassStateChanged(FieldDecoration.WARNING, !empty && p != null && !HighlightSpans.blocksSave(p));
            }
        });
        problemsList.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(tab.problems()));
        problemsList.managedProperty().bind(problemsList.visibleProperty());

        int row = 0;
        for (SampleValue s : tab.samples()) {
            Label name = new Label(s.name());
            name.setTooltip(new Tooltip(s.description()));
            TextField value = new TextField();
            value.setId("sample-" + lang + "-" + s.name());
            value.textProperty().bindBidirectional(s.valueProperty());
            samplesGrid.addRow(row++, name, value);
        }

        fallbackBanner.visibleProperty().bind(tab.fallbackFromProperty().isNotNull());
        fallbackBanner.managedProperty().bind(fallbackBanner.visibleProperty());
        fallbackLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> fallbackText(
                tab.fallbackFromProperty().get()), tab.fallbackFromProperty()));
        previewSubject.textProperty().bind(tab.subjectProperty());
        tab.previewProperty().addListener((o, old, now) -> highlight(now));
        tab.emailProperty().addListener((o, old, now) -> showEmail(now));
        highlight(tab.previewProperty().get());
        showEmail(tab.emailProperty().get());
    }

    private String fallbackText(String from) {
        if (from == null) {
            return "";
        }
        return ResolvedTemplate.BUILT_IN.equals(from) ? i18n.get("format.fallback.builtin")
                : i18n.get("format.fallback.language", LanguageNames.label(from, i18n));
    }

    private ListCell<TemplateVariable> variableCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(TemplateVariable v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : v.name() + " – " + v.description(i18n.locale().getLanguage()));
                setTooltip(empty || v == null ? null : new Tooltip(i18n.get("format.variables.sample", v.sample(tab.language()))));
            }
        };
    }

    /** Styles the editor from the parse result the preview was rendered from, if it is still the editor's text. */
    private void highlight(SubjectPreview p) {
        if (p == null || p.resolved().source() != ResolvedTemplate.Source.GIVEN || !p.template().source().equals(editor.getText())
                || editor.getLength() == 0) {
            return;
        }
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        for (HighlightSpans.Span s : HighlightSpans.of(p.template(), ReportCatalogue.get().names())) {
            spans.add(s.styles(), s.length());
        }
        editor.setStyleSpans(0, spans.create());
    }

    private void showEmail(SampleEmail mail) {
        previewFrom.setText(mail == null || mail.from() == null ? i18n.get("format.preview.noSender") : mail.from());
        previewMailSubject.setText(mail == null ? "" : mail.subject());
        previewBody.setText(mail == null ? "" : mail.body());
    }

    private void insert(TemplateVariable v) {
        editor.insertText(editor.getCaretPosition(), "${" + v.name() + "}");
        editor.requestFocus();
    }

    // --- completion after "${" ---

    private void updateCompletion() {
        Optional<String> prefix = Completion.prefixAt(editor.getText(), editor.getCaretPosition());
        List<TemplateVariable> candidates = prefix.map(Completion::candidates).orElse(List.of());
        if (candidates.isEmpty() || editor.getScene() == null || !editor.isFocused()) {
            completion.hide();
            return;
        }
        completionList.getItems().setAll(candidates);
        completionList.getSelectionModel().selectFirst();
        if (!completion.isShowing()) {
            editor.getCaretBounds().ifPresent(b -> completion.show(editor, b.getMinX(), b.getMaxY()));
        }
    }

    private void completionKeys(KeyEvent e) {
        if (!completion.isShowing()) {
            return;
        }
        switch (e.getCode()) {
            case DOWN -> completionList.getSelectionModel().selectNext();
            case UP -> completionList.getSelectionModel().selectPrevious();
            case ENTER, TAB -> Optional.ofNullable(completionList.getSelectionModel().getSelectedItem()).ifPresent(this::complete);
            case ESCAPE -> completion.hide();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void complete(TemplateVariable v) {
        int caret = editor.getCaretPosition();
        Completion.prefixAt(editor.getText(), caret).ifPresent(prefix ->
                editor.replaceText(caret - prefix.length(), caret, v.name() + "}"));
        completion.hide();
        editor.requestFocus();
    }
}
