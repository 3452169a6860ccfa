package io.cockpit.smtp.ui.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.cli.CliRun;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.history.HistoryEntry;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.ConsoleFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Administration > Export / import in the real console: a file is exported, then an import previewed and applied. */
class TransferScreenTest extends ConsoleFixture {

    private void storedGatewayWithAPassword() {
        CliRun r = CliRun.run(dir, "s3cret-pw\n", "gateway", "set", "--server", "smtp.example.com", "--port", "465",
                "--security", "ssl", "--auth", "password", "--username", "svc", "--password-stdin", "--from",
                "itsm@example.com");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void theConfigurationIsExportedWithoutItsSecrets() throws Exception {
        storedGatewayWithAPassword();
        Path file = dir.resolve("export.json");
        openScreen("transfer");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#exportPathField").tryQuery().isPresent());
        interact(() -> ((TextField) node("#exportPathField")).setText(file.toString()));
        interact(((Button) node("#exportButton"))::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(file) && Files.size(file) > 0);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"server\" : \"smtp.example.com\""), text);
        assertFalse(text.contains("s3cret-pw"), "no secret in an export");
    }

    @Test
    void anImportIsPreviewedFieldByFieldSaysItDropsTheSecretThenAppliesAllAtOnce() throws Exception {
        storedGatewayWithAPassword();
        Path file = dir.resolve("import.json");
        try (CoreServices s = TestStore.open(dir)) {
            Files.writeString(file, s.transfer().exportText().replace("\"smtp.example.com\"", "\"relay.example.com\""));
        }
        openScreen("transfer");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#importPathField").tryQuery().isPresent());
        interact(() -> ((TextField) node("#importPathField")).setText(file.toString()));
        interact(((Button) node("#previewButton"))::fire);
        TableView<HistoryEntry> changes = node("#changesTable");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !changes.getItems().isEmpty());
        assertEquals("server", changes.getColumns().get(1).getCellData(0));
        assertEquals("smtp.example.com", changes.getColumns().get(2).getCellData(0));
        assertEquals("relay.example.com", changes.getColumns().get(3).getCellData(0));
        Label drops = node("#dropLabel");
        assertTrue(drops.isVisible() && drops.getText().contains("password"), drops.getText());
        try (CoreServices s = TestStore.open(dir)) {
            assertEquals("smtp.example.com", s.gateways().loadPortal().server(), "a preview changes nothing");
        }

        interact(() -> ((CheckBox) node("#keepSecretsBox")).setSelected(true));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !((Node) node("#dropLabel")).isVisible()
                && !((Button) node("#applyButton")).isDisabled());
        interact(((Button) node("#applyButton"))::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> ((Label) node("#noticeLabel")).getText().startsWith("Import appliqué"));
        try (CoreServices s = TestStore.open(dir)) {
            assertEquals("relay.example.com", s.gateways().loadPortal().server());
            assertEquals("s3cret-pw", new String(s.gateways().openPassword(s.gateways().loadPortal())),
                    "kept, as asked");
            assertEquals("import", s.history().recent(1).get(0).source().cliName());
        }
    }
}
