package io.cockpit.smtp.ui.outbox;

import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.ui.common.I18n;
import io.cockpit.smtp.ui.common.Polling;
import io.cockpit.smtp.ui.common.RoleGate;
import io.cockpit.smtp.ui.common.Shown;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.MaskerPane;

/** Binds the File d'envoi screen to its view models; it polls every two seconds while shown, for other processes' changes. */
public final class OutboxController {
    private final OutboxViewModel vm;
    private final OutboxSummaryViewModel summary;
    private final I18n i18n;

    @FXML private ComboBox<OutboxStatus> statusFilter;
    @FXML private ComboBox<Flow> flowFilter;
    @FXML private TableView<OutboxRow> table;
    @FXML private TableColumn<OutboxRow, String> statusColumn, flowColumn, toColumn, subjectColumn, nextColumn, errorColumn;
    @FXML private TableColumn<OutboxRow, Number> attemptsColumn;
    @FXML private TextArea detailsArea;
    @FXML private Button retryButton, retryFailedButton, purgeSentButton, purgeFailedButton;
    @FXML private HBox warningBanner, noticeBanner;
    @FXML private Label warningLabel, noticeLabel, shownLabel;
    @FXML private TextField toSearch, subjectSearch, messageIdSearch, engineSearch;
    @FXML private DatePicker sinceDay, untilDay;
    @FXML private Button moreButton;
    @FXML private MaskerPane searchMask;

    private final RoleGate roles;

    public OutboxController(OutboxViewModel vm, OutboxSummaryViewModel summary, I18n i18n, RoleGate roles) {
        this.vm = vm;
        this.roles = roles;
        this.summary = summary;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        statusFilter.setItems(FXCollections.observableArrayList(OutboxStatus.values()));
        statusFilter.getItems().add(0, null);
        statusFilter.setConverter(converter("outbox.status"));
        statusFilter.valueProperty().bindBidirectional(vm.statusFilterProperty());
        flowFilter.setItems(FXCollections.observableArrayList(Flow.values()));
        flowFilter.getItems().add(0, null);
        flowFilter.setConverter(converter("outbox.flow"));
        flowFilter.valueProperty().bindBidirectional(vm.flowFilterProperty());

        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(i18n.locale()).withZone(ZoneId.systemDefault());
        statusColumn.setCellValueFactory(c -> text(c.getValue().dailyLimit() ? i18n.get("outbox.status.dailyLimit")
                : i18n.of("outbox.status", c.getValue().status())));
        flowColumn.setCellValueFactory(c -> text(i18n.of("outbox.flow", c.getValue().flow())));
        toColumn.setCellValueFactory(c -> text(c.getValue().recipients()));
        subjectColumn.setCellValueFactory(c -> text(c.getValue().subject()));
        attemptsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().attempts()));
        nextColumn.setCellValueFactory(c -> text(format(when, c.getValue().nextAttemptAt())));
        errorColumn.setCellValueFactory(c -> text(c.getValue().dailyLimit() ? i18n.get("outbox.dailyLimit.explain")
                : c.getValue().lastError()));
        table.setItems(vm.rows());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        detailsArea.textProperty().bind(vm.detailsProperty());
        retryButton.disableProperty().bind(vm.retryDisabled());
        toSearch.textProperty().bindBidirectional(vm.toSearchProperty());
        subjectSearch.textProperty().bindBidirectional(vm.subjectSearchProperty());
        messageIdSearch.textProperty().bindBidirectional(vm.messageIdSearchProperty());
        engineSearch.textProperty().bindBidirectional(vm.engineSearchProperty());
        sinceDay.valueProperty().bindBidirectional(vm.sinceDayProperty());
        untilDay.valueProperty().bindBidirectional(vm.untilDayProperty());
        searchMask.visibleProperty().bind(vm.searchingProperty());
        Shown.when(moreButton, vm.moreProperty());
        shownLabel.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(vm.moreProperty().get()
                ? I18n.key("outbox.search.shownMore") : I18n.key("outbox.search.shown"), vm.rows().size()),
                vm.rows(), vm.moreProperty()));
        roles.hideUnless(Operation.OUTBOX_RETRY, retryButton, retryFailedButton);
        roles.hideUnless(Operation.OUTBOX_PURGE, purgeSentButton, purgeFailedButton);

        warningLabel.textProperty().bind(Bindings.createStringBinding(() -> warning(),
                summary.waitingTooLongProperty(), summary.failedRecentlyProperty(), summary.failedRecentlyCountProperty()));
        warningBanner.visibleProperty().bind(summary.waitingTooLongProperty().or(summary.failedRecentlyProperty()));
        warningBanner.managedProperty().bind(warningBanner.visibleProperty());
        noticeLabel.textProperty().bind(Bindings.createStringBinding(() -> i18n.of("outbox.notice", vm.noticeProperty().get(),
                vm.noticeCountProperty().get()), vm.noticeProperty(), vm.noticeCountProperty()));
        noticeBanner.visibleProperty().bind(vm.noticeProperty().isNotEqualTo(OutboxViewModel.Notice.NONE));
        noticeBanner.managedProperty().bind(noticeBanner.visibleProperty());

        Polling.whileShowing(table, Duration.seconds(2), vm::refresh);
        vm.refresh();
        summary.refresh();
    }

    private String warning() {
        StringBuilder sb = new StringBuilder();
        if (summary.waitingTooLongProperty().get()) {
            sb.append(i18n.get("outbox.warning.waiting", OutboxSummaryViewModel.WAITING_TOO_LONG.toMinutes()));
        }
        if (summary.failedRecentlyProperty().get()) {
            sb.append(sb.length() == 0 ? "" : " ").append(i18n.get("outbox.warning.failed", summary.failedRecentlyCountProperty().get()));
        }
        return sb.toString();
    }

    @FXML
    private void retry() {
        vm.retrySelected();
    }

    @FXML
    private void retryFailed() {
        vm.retryAll(OutboxStatus.FAILED);
    }

    @FXML
    private void purgeSent() {
        vm.purge(OutboxStatus.SENT);
    }

    @FXML
    private void purgeFailed() {
        vm.purge(OutboxStatus.FAILED);
    }

    @FXML private void search() { vm.search(); }
    @FXML private void clearSearch() { vm.clearSearch(); }
    @FXML private void loadMore() { vm.loadMore(); }

    @FXML
    private void refresh() {
        vm.refresh();
        summary.refresh();
    }

    private static ReadOnlyObjectWrapper<String> text(String s) {
        return new ReadOnlyObjectWrapper<>(s == null ? "" : s);
    }

    private static String format(DateTimeFormatter f, Instant i) {
        return i == null ? "" : f.format(i);
    }

    /** Enum values through {@code <family>.<CONSTANT>}; the empty choice (no filter) reads "all". */
    private <E extends Enum<E>> StringConverter<E> converter(String family) {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? i18n.get("outbox.filter.all") : i18n.of(family, value);
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        };
    }
}
