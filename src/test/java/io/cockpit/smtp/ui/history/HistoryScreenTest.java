package io.cockpit.smtp.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.cli.CliRun;
import io.cockpit.smtp.core.history.HistoryEntry;
import io.cockpit.smtp.ui.ConsoleFixture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Administration > Historique: a change saved by a command while the console is open shows up by itself. */
class HistoryScreenTest extends ConsoleFixture {

    @Test
    void aChangeMadeByTheCommandLineAppearsWithWhoWhereFromAndTheValueBefore() throws Exception {
        assertEquals(0, CliRun.run(dir, null, "gateway", "set", "--from", "before@example.com").code());
        openScreen("history");
        TableView<HistoryEntry> table = node("#table");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());

        CliRun r = CliRun.run(dir, null, "gateway", "set", "--from", "after@example.com");
        assertEquals(0, r.code(), r.err());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "after@example.com".equals(cell(table, 6)));
        assertEquals(List.of(System.getProperty("user.name"), "commande", "Passerelle portail", "Adresse d'expédition",
                "before@example.com", "after@example.com"), List.of(cell(table, 1), cell(table, 2), cell(table, 3),
                cell(table, 4), cell(table, 5), cell(table, 6)));
    }

    @Test
    void theAreaFilterKeepsOnlyItsChangesAndSecretsStayMasked() throws Exception {
        assertEquals(0, CliRun.run(dir, "s3cret-pw\n", "gateway", "set", "--auth", "password", "--username", "svc",
                "--password-stdin").code());
        assertEquals(0, CliRun.run(dir, null, "format", "set", "--user-url", "https://support.example.com").code());
        openScreen("history");
        TableView<HistoryEntry> table = node("#table");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        assertTrue(table.getItems().stream().noneMatch(e -> "s3cret-pw".equals(e.newValue())), "no secret shown");
        assertTrue(table.getItems().stream().anyMatch(e -> "password".equals(e.field())
                && HistoryEntry.SECRET_SET.equals(e.newValue())), "only that it was set");

        ComboBox<String> area = node("#areaFilter");
        interact(() -> area.setValue("format"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(e -> e.section().equals("format")));
        assertEquals("https://support.example.com", table.getItems().get(0).newValue());
    }

    @Test
    void valuesFromAListAreWordedAsTheFormsWordThem() throws Exception {
        assertEquals(0, CliRun.run(dir, "s3cret-pw\n", "gateway", "set", "--server", "smtp.example.com", "--from",
                "a@example.com", "--security", "starttls", "--auth", "password", "--username", "svc",
                "--password-stdin").code());
        openScreen("history");
        TableView<HistoryEntry> table = node("#table");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        int row = -1;
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).field().equals("security")) {
                row = i;
            }
        }
        assertTrue(row >= 0, "the security change is listed");
        assertEquals("Aucune", String.valueOf(table.getColumns().get(5).getCellData(row)));
        assertEquals("STARTTLS (obligatoire)", String.valueOf(table.getColumns().get(6).getCellData(row)));
        int from = table.getItems().indexOf(table.getItems().stream().filter(e -> e.field().equals("from"))
                .findFirst().orElseThrow());
        assertEquals("a@example.com", String.valueOf(table.getColumns().get(6).getCellData(from)), "a free value as typed");
        int password = table.getItems().indexOf(table.getItems().stream().filter(e -> e.field().equals("password"))
                .findFirst().orElseThrow());
        assertEquals("(défini)", String.valueOf(table.getColumns().get(6).getCellData(password)));
        assertEquals("Mot de passe", String.valueOf(table.getColumns().get(4).getCellData(password)));
    }

    @Test
    void itemsAndFieldsAreWordedAsTheFormsLabelThem() throws Exception {
        assertEquals(0, CliRun.run(dir, null, "gateway", "set", "--max-per-minute", "30").code());
        assertEquals(0, CliRun.run(dir, null, "format", "set", "--operator-url", "https://ops.example.com").code());
        assertEquals(0, CliRun.run(dir, null, "template", "set", "--lang", "en", "--text", "Report ${REPORT_NAME}").code());
        openScreen("history");
        TableView<HistoryEntry> table = node("#table");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() >= 3);
        List<String> shown = new java.util.ArrayList<>();
        for (int i = 0; i < table.getItems().size(); i++) {
            shown.add(table.getColumns().get(3).getCellData(i) + " / " + table.getColumns().get(4).getCellData(i));
        }
        assertTrue(shown.contains("Passerelle portail / Messages par minute"), shown::toString);
        assertTrue(shown.contains("Format des emails / URL du portail opérateur"), shown::toString);
        assertTrue(shown.contains("Format des emails / Sujet des rapports (en)"), shown::toString);
    }

    private static String cell(TableView<HistoryEntry> table, int column) {
        return table.getItems().isEmpty() ? null : String.valueOf(table.getColumns().get(column).getCellData(0));
    }
}
