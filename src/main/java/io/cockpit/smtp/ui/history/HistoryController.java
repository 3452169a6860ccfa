package io.cockpit.smtp.ui.history;

import static io.cockpit.smtp.ui.common.I18n.key;

import io.cockpit.smtp.core.history.HistoryEntry;
import io.cockpit.smtp.ui.common.FieldLabels;
import io.cockpit.smtp.ui.common.I18n;
import io.cockpit.smtp.ui.common.Polling;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** Administration > Historique: binds the filters and the table to {@link HistoryViewModel}. */
public final class HistoryController {
    private static final Map<String, String> AREA_WORDS = Map.of("gateway", key("history.area.gateway"),
            "format", key("history.area.format"), "user", key("history.area.user"));

    private final HistoryViewModel vm;
    private final I18n i18n;

    @FXML private ComboBox<String> areaFilter, personFilter;
    @FXML private DatePicker sinceDay, untilDay;
    @FXML private TableView<HistoryEntry> table;
    @FXML private TableColumn<HistoryEntry, String> whenColumn, whoColumn, sourceColumn, sectionColumn, fieldColumn,
            oldColumn, newColumn;

    public HistoryController(HistoryViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    /** History fields whose values are the constants of a list the forms word (key family per field). */
    private static final java.util.Map<String, String> WORDED_FIELDS = java.util.Map.of(
            "status", "status", "security", "security", "auth", "auth", "transport", "transport", "role", "role");

    @FXML
    private void initialize() {
        areaFilter.setItems(FXCollections.observableArrayList(HistoryViewModel.AREAS));
        areaFilter.getItems().add(0, null);
        areaFilter.setConverter(words(a -> a == null ? i18n.get("history.filter.all") : i18n.get(AREA_WORDS.get(a))));
        areaFilter.valueProperty().bindBidirectional(vm.areaProperty());
        personFilter.getItems().setAll(withAll(vm));
        vm.people().addListener((ListChangeListener<String>) c -> {
            String chosen = personFilter.getValue();
            personFilter.getItems().setAll(withAll(vm));
            personFilter.setValue(chosen);
        });
        personFilter.setConverter(words(p -> p == null ? i18n.get("history.filter.all") : p));
        personFilter.valueProperty().bindBidirectional(vm.personProperty());
        sinceDay.valueProperty().bindBidirectional(vm.sinceDayProperty());
        untilDay.valueProperty().bindBidirectional(vm.untilDayProperty());

        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(i18n.locale()).withZone(ZoneId.systemDefault());
        whenColumn.setCellValueFactory(c -> text(when.format(c.getValue().changedAt())));
        whoColumn.setCellValueFactory(c -> text(c.getValue().who()));
        sourceColumn.setCellValueFactory(c -> text(c.getValue().source() == null ? "—"
                : i18n.of("history.source", c.getValue().source())));
        FieldLabels labels = new FieldLabels(i18n);
        sectionColumn.setCellValueFactory(c -> text(labels.item(c.getValue().section())));
        fieldColumn.setCellValueFactory(c -> text(labels.field(c.getValue().section(), c.getValue().field())));
        oldColumn.setCellValueFactory(c -> text(value(c.getValue().field(), c.getValue().oldValue())));
        newColumn.setCellValueFactory(c -> text(value(c.getValue().field(), c.getValue().newValue())));
        table.setItems(vm.rows());

        Polling.whileShowing(table, Duration.seconds(2), vm::poll);
        vm.refresh();
    }

    /** A value as the forms word it where it is one of a list (status ACTIVE: "actif"); else as stored. */
    private String value(String field, String stored) {
        if (stored == null) {
            return "—";
        }
        if (stored.equals(HistoryEntry.SECRET_SET)) {
            return i18n.get("history.secret.set");
        }
        if (stored.equals(HistoryEntry.SECRET_CHANGED)) {
            return i18n.get("history.secret.changed");
        }
        String family = WORDED_FIELDS.get(field);
        if (family == null) {
            return stored;
        }
        String key = family + "." + stored.toUpperCase(java.util.Locale.ROOT);
        String word = i18n.get(key);
        return word.equals(key) ? stored : word;
    }

    private static java.util.List<String> withAll(HistoryViewModel vm) {
        java.util.List<String> all = new java.util.ArrayList<>();
        all.add(null);
        all.addAll(vm.people());
        return all;
    }

    private static ReadOnlyStringWrapper text(String s) {
        return new ReadOnlyStringWrapper(s);
    }

    private static StringConverter<String> words(java.util.function.Function<String, String> show) {
        return new StringConverter<>() {
            @Override public String toString(String v) { return show.apply(v); }
            @Override public String fromString(String s) { return s; }
        };
    }
}
