package io.cockpit.smtp.ui.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.engine.EngineInfo;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.outbox.NewMessage;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.EngineChild;
import io.cockpit.smtp.testing.ScriptedSmtpServer;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.ConsoleFixture;
import io.cockpit.smtp.ui.common.FieldDecoration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Moteurs screen in the real console on a real H2 file: the console's own engine, a remote engine run by another
 * process (as from another terminal) and GreenMail as the SMTP server both engines send to.
 */
class EnginesScreenTest extends ConsoleFixture {
    GreenMail smtp;
    CoreServices services;
    Process lyon;

    @BeforeEach
    void prepare() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        services = TestStore.open(dir);
        TestStore.plainGateway(services, smtp.getSmtp().getPort(), GatewayStatus.ACTIVE);
        services.engineRegistry().add("lyon", true);
    }

    @AfterEach
    void stop() throws Exception {
        if (lyon != null) {
            lyon.destroyForcibly();
            lyon.waitFor(30, TimeUnit.SECONDS);
        }
        closeConsole();
        smtp.stop();
    }

    /** The console opens the store this test prepared (and closes it when it stops). */
    private void openEngines() throws Exception {
        startConsole(Platform::exit, CompletableFuture.completedFuture(services));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.window() != null);
        interact(() -> app.window().controller().open("engines"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table().getItems().size() == 2);
    }

    /** Runs lyon in another process, as from another terminal. */
    private void startLyon() throws Exception {
        lyon = EngineChild.started(StoreKind.H2, dir, "lyon", dir.resolve("lyon-" + System.nanoTime() + ".log"), "poll=200");
    }

    private TableView<EngineRow> table() {
        return lookup("#table").query();
    }

    /** The value a column holds for an engine (the state column is read as drawn, through {@link #stateShown}). */
    private String cell(String engine, String columnId) {
        TableView<EngineRow> t = table();
        for (int i = 0; i < t.getItems().size(); i++) {
            if (t.getItems().get(i).name().equals(engine)) {
                int row = i;
                return t.getColumns().stream().filter(c -> columnId.equals(c.getId())).findFirst()
                        .map(c -> String.valueOf(c.getCellData(row))).orElse("?");
            }
        }
        return "";
    }

    /** The state column's text as drawn in its cell (not recomputed): what the user sees. */
    private Optional<String> stateShown(String engine) {
        return lookup("#table .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getItem() instanceof EngineRow e && e.name().equals(engine))
                .flatMap(r -> r.lookupAll(".table-cell").stream())
                .map(c -> (javafx.scene.control.TableCell<?, ?>) c)
                .filter(c -> c.getTableColumn() != null && "stateColumn".equals(c.getTableColumn().getId()))
                .map(javafx.scene.control.Labeled::getText).filter(java.util.Objects::nonNull).findFirst();
    }

    private void select(String engine) {
        interact(() -> {
            TableView<EngineRow> t = table();
            t.getItems().stream().filter(r -> r.name().equals(engine)).findFirst()
                    .ifPresent(r -> t.getSelectionModel().select(r));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void type(TextField field, String text) {
        interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        if (text.isEmpty()) {
            type(KeyCode.BACK_SPACE);
        } else {
            write(text);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean shown(String id) {
        return lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void enginesAreListedWithTheirStateAndAnOfflineEnginesMessagesWaitForItUntilItRuns() throws Exception {
        for (int i = 0; i < 2; i++) {
            services.outbox().enqueue(new NewMessage("supervision-alert", List.of("noc" + i + "@lyon.example.org"), "fr",
                    null, "alerte " + i, "disque plein", Map.of(), "lyon"));
        }
        openEngines();

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stateShown("local").orElse("").equals("En ligne"));
        assertEquals(Optional.of("Hors ligne, 2 en attente"), stateShown("lyon"));
        assertEquals("jamais", cell("lyon", "lastSeenColumn"));
        assertEquals("2", cell("lyon", "queuedColumn"));
        assertEquals("Celle du portail", cell("lyon", "gatewayColumn"));
        assertFalse(cell("local", "hostColumn").isEmpty(), "the console's engine says where it runs");
        select("lyon");
        assertTrue(shown("#offlineBanner"));
        Label offline = node("#offlineLabel");
        assertEquals("Le moteur lyon est hors ligne (dernier signe de vie : jamais). 2 message(s) l'attendent : rien "
                + "d'autre ne les envoie, ils partiront dès qu'il redémarrera.", offline.getText());
        assertEquals(0, smtp.getReceivedMessages().length, "nothing sends lyon's messages while it is offline");

        startLyon();

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stateShown("lyon").orElse("").equals("En ligne"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> cell("lyon", "queuedColumn").equals("0"));
        assertEquals(2, smtp.getReceivedMessages().length);
        assertFalse(shown("#offlineBanner"));
        assertFalse(cell("lyon", "hostColumn").isEmpty());
        assertFalse(cell("lyon", "versionColumn").isEmpty());

        lyon.destroyForcibly();
        assertTrue(lyon.waitFor(30, TimeUnit.SECONDS));
        lyon = null;
        services.outbox().enqueue(new NewMessage("supervision-alert", List.of("noc@lyon.example.org"), "fr",
                null, "alerte 3", "disque plein", Map.of(), "lyon"));

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stateShown("lyon").orElse("")
                .equals("Hors ligne, 1 en attente"));
        assertTrue(shown("#offlineBanner"));
        assertTrue(offline.getText().startsWith("Le moteur lyon est hors ligne (dernier signe de vie : "),
                offline.getText());
        assertTrue(offline.getText().contains("1 message(s) l'attendent"), offline.getText());
        assertEquals(2, smtp.getReceivedMessages().length, "the new message waits for lyon");
    }

    @Test
    void addingAnEngineChecksItsNameAsTheCoreDoes() throws Exception {
        openEngines();
        TextField name = node("#newNameField");
        Label message = node("#newNameMessage");
        Button add = node("#addButton");

        type(name, "portal");
        assertTrue(name.getPseudoClassStates().contains(FieldDecoration.INVALID));
        assertEquals("C'est le nom de la passerelle du portail : la passerelle spécifique d'un moteur porte le nom du "
                + "moteur.", message.getText());
        assertTrue(add.isDisabled());
        type(name, "lyon");
        assertEquals("Ce moteur est déjà enregistré.", message.getText());
        type(name, "paris nord");
        assertEquals("De 1 à 64 lettres, chiffres, « . », « _ » ou « - ».", message.getText());

        type(name, "paris");
        assertFalse(message.isVisible());
        interact(add::fire);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table().getItems().size() == 3);
        assertTrue(services.engineRegistry().find("paris").orElseThrow().remote());
        assertEquals("Moteur paris", this.<Label>node("#detailsTitle").getText(), "the new engine is selected");
        assertEquals("Moteur distant : il n'a encore jamais démarré. Lancez « cockpit-smtp engine run --name paris » "
                + "sur sa machine.", this.<Label>node("#processLabel").getText());
        assertEquals("", name.getText());
    }

    @Test
    void editingAnEnginesSpecificGatewayValidatesAsThePortalsFormDoes() throws Exception {
        openEngines();
        select("lyon");
        assertFalse(lookup("#gatewayHolder #serverField").tryQuery().isPresent(), "lyon sends with the portal's");

        interact(() -> this.<RadioButton>node("#specificChoice").fire());

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#gatewayHolder #form").tryQuery()
                .map(n -> !n.isDisabled()).orElse(false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> EngineInfo.SPECIFIC.equals(
                services.engineRegistry().find("lyon").orElseThrow().gatewayMode()));
        assertEquals("Passerelle spécifique du moteur lyon", this.<Label>node("#gatewayHolder #title").getText());
        ComboBox<?> engine = lookup("#gatewayHolder #engineBox").query();
        assertEquals("lyon", engine.getValue());
        assertTrue(engine.isDisabled(), "an engine's own gateway is sent by that engine alone");

        type(lookup("#gatewayHolder #serverField").query(), "smtp.lyon.exemple.fr");
        type(lookup("#gatewayHolder #fromField").query(), "lyon@exemple.fr");
        TextField port = lookup("#gatewayHolder #portField").query();
        type(port, "65536");
        Label portMessage = lookup("#gatewayHolder #portMessage").query();
        assertTrue(port.getPseudoClassStates().contains(FieldDecoration.INVALID));
        assertEquals("Saisissez un nombre entier de 1 à 65535.", portMessage.getText());
        Button save = lookup("#gatewayHolder #saveButton").query();
        assertTrue(save.isDisabled());

        type(port, "2525");
        assertFalse(save.isDisabled());
        interact(save::fire);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "smtp.lyon.exemple.fr".equals(
                services.gateways().load("lyon").server()));
        GatewayConfig saved = services.gateways().load("lyon");
        assertEquals(2525, saved.port());
        assertEquals("lyon", saved.engine());
        assertEquals("127.0.0.1", services.gateways().loadPortal().server(), "the portal's gateway is untouched");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cell("lyon", "gatewayColumn").equals("Spécifique"));
    }

    @Test
    void testerDepuisLeMoteurShowsTheStepsAndTranscriptOfTheRemoteEngine() throws Exception {
        // A server of its own, as a remote site's relay: the test must reach it and not the portal's.
        try (ScriptedSmtpServer lyonRelay = new ScriptedSmtpServer()) {
            testFromTheEngine(lyonRelay);
        }
    }

    private void testFromTheEngine(ScriptedSmtpServer lyonRelay) throws Exception {
        services.engineRegistry().setGatewayMode("lyon", EngineInfo.SPECIFIC);
        services.gateways().save(GatewayConfig.defaults("lyon").toBuilder().engine("lyon").status(GatewayStatus.ACTIVE)
                .server("127.0.0.1").port(lyonRelay.port()).from("lyon@example.com").connectTimeoutSeconds(2)
                .readTimeoutSeconds(2).build());
        startLyon();
        openEngines();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stateShown("lyon").orElse("").equals("En ligne"));
        select("lyon");
        assertFalse(shown("#offlineNote"), "lyon runs: nothing to warn about");

        interact(() -> this.<Button>node("#engineCheckButton").fire());

        Label result = node("#engineResultLabel");
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> result.isVisible() && !result.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(result.getText().startsWith("Toutes les étapes ont réussi depuis "), result.getText());
        List<String> steps = lookup("#engineStepList .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getText() != null).sorted(Comparator.comparingInt(ListCell::getIndex))
                .map(ListCell::getText).toList();
        assertTrue(steps.size() >= 3, steps.toString());
        assertTrue(steps.get(0).startsWith("Résolution du nom : réussi ("), steps.get(0));
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("Connexion TCP : réussi (")), steps.toString());
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("Accueil et capacités (EHLO) : réussi (")), steps.toString());
        TextArea transcript = node("#engineTranscriptArea");
        assertTrue(transcript.isVisible());
        assertTrue(transcript.getText().contains("S: 220 scripted.test ESMTP"), transcript.getText());
        assertFalse(shown("#engineCancelButton"), "nothing to cancel once done");
        assertTrue(lyonRelay.connections() > 0, "the engine reached its own gateway");
        assertEquals(List.of(), lyonRelay.accepted(), "a check sends nothing");
    }

    @Test
    void arreterStopsTheEnginesTestWhereItIs() throws Exception {
        // A relay that accepts the connection and never greets: only Arrêter ends the test before its 60 s timeout.
        try (ScriptedSmtpServer silent = new ScriptedSmtpServer().silent()) {
            services.engineRegistry().setGatewayMode("lyon", EngineInfo.SPECIFIC);
            services.gateways().save(GatewayConfig.defaults("lyon").toBuilder().engine("lyon")
                    .status(GatewayStatus.ACTIVE).server("127.0.0.1").port(silent.port()).from("lyon@example.com")
                    .connectTimeoutSeconds(2).readTimeoutSeconds(60).build());
            startLyon();
            openEngines();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stateShown("lyon").orElse("").equals("En ligne"));
            select("lyon");

            interact(() -> this.<Button>node("#engineCheckButton").fire());

            Label progress = node("#progressLabel");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> progress.isVisible()
                    && progress.getText().startsWith("Le moteur lyon teste depuis "));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#engineStepList .list-cell")
                    .queryAllAs(ListCell.class).stream().anyMatch(c -> c.getText() != null
                            && c.getText().startsWith("Connexion TCP : réussi (")));
            assertTrue(this.<Button>node("#engineCheckButton").isDisabled(), "one test at a time");
            long t0 = System.nanoTime();
            interact(() -> this.<Button>node("#engineCancelButton").fire());

            Label result = node("#engineResultLabel");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> result.isVisible() && !result.getText().isEmpty());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20), "not the 60 s read timeout");
            assertEquals("Test arrêté.", result.getText());
            assertFalse(shown("#engineCancelButton"));
            assertFalse(this.<Button>node("#engineCheckButton").isDisabled());
        }
    }
}
