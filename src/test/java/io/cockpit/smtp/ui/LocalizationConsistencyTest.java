package io.cockpit.smtp.ui;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.gateway.Preset;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.store.StoreException;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.mail.diagnosis.Detail;
import io.cockpit.smtp.core.mail.diagnosis.Failure;
import io.cockpit.smtp.core.mail.diagnosis.Hint;
import io.cockpit.smtp.core.mail.diagnosis.Step;
import io.cockpit.smtp.core.oauth.OAuthException;
import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.ui.common.FormModel;
import io.cockpit.smtp.ui.outbox.OutboxViewModel;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every word the console shows exists in French and English, and no bundle entry is dead (JabRef's
 * LocalizationConsistencyTest). Keys are found where the conventions put them: {@code %key} in FXML,
 * {@code i18n.get("...")} and {@code I18n.key("...")} in code (comments are skipped); enum families
 * ({@code i18n.of("family", value)}, {@code i18n.converter("family")}, called on a variable named {@code i18n}) are
 * checked against their enum in {@link #ENUM_FAMILIES}.
 */
class LocalizationConsistencyTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path BUNDLES = RESOURCES.resolve("io/cockpit/smtp/ui/i18n");
    private static final Path JAVA = Path.of("src/main/java");

    /** Keys {@code <family>.<CONSTANT>}: add a line here for each enum the screens put into words. */
    private static final Map<String, Class<? extends Enum<?>>> ENUM_FAMILIES = Map.ofEntries(
            Map.entry("problem", Problem.class),
            Map.entry("role", io.cockpit.smtp.core.access.Role.class),
            Map.entry("history.source", io.cockpit.smtp.core.history.ChangeSource.class),
            Map.entry("transfer.notice", io.cockpit.smtp.ui.transfer.TransferViewModel.Notice.class),
            Map.entry("status", GatewayStatus.class),
            Map.entry("security", Security.class),
            Map.entry("auth", Authentication.class),
            Map.entry("preset", Preset.class),
            Map.entry("store.error", StoreException.Reason.class),
            Map.entry("gateway.notice", FormModel.Notice.class),
            Map.entry("diagnosis.failure", Failure.class),
            Map.entry("diagnosis.hint", Hint.class),
            Map.entry("diagnosis.step", Step.class),
            Map.entry("diagnosis.detail", Detail.Code.class),
            Map.entry("diagnosis.oauth", OAuthException.Reason.class),
            Map.entry("outbox.flow", Flow.class),
            Map.entry("outbox.status", OutboxStatus.class),
            Map.entry("outbox.notice", OutboxViewModel.Notice.class),
            Map.entry("engines.notice", io.cockpit.smtp.ui.engines.EnginesViewModel.Notice.class),
            Map.entry("format.notice", FormModel.Notice.class),
            Map.entry("format.problem", io.cockpit.smtp.core.template.TemplateProblem.Kind.class),
            Map.entry("transport", io.cockpit.smtp.core.gateway.Transport.class),
            Map.entry("oauth.provider", io.cockpit.smtp.core.gateway.OAuthProvider.class),
            Map.entry("oauth.grant", io.cockpit.smtp.ui.gateway.OAuthGrant.class),
            Map.entry("oauth.health", io.cockpit.smtp.core.oauth.TokenHealth.State.class),
            Map.entry("oauth.refusal", io.cockpit.smtp.core.oauth.ProviderRefusal.class),
            Map.entry("gateway.test.hint.go", io.cockpit.smtp.ui.gateway.FormPart.class));

    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.\\-]+)\"");
    private static final Pattern CODE_KEY = Pattern.compile("(?:i18n\\.get|\\bkey)\\(\\s*\"([^\"]+)\"");
    private static final Pattern CODE_FAMILY = Pattern.compile("i18n\\.(?:of|converter)\\(\\s*\"([^\"]+)\"");
    /** Comments hold examples (the screen registry's how-to), not uses. */
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\n]*");

    private static Properties bundle(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Set<String> keys(Properties p) {
        return p.stringPropertyNames().stream().collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> matches(Path root, String suffix, Pattern pattern) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = pattern.matcher(suffix.equals(".java") ? COMMENT.matcher(text).replaceAll(" ") : text);
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    /** Whole keys; a literal ending with a dot is a family completed in code ({@code i18n.get("outbox.status." + s)}). */
    private static Set<String> usedKeys() throws IOException {
        Set<String> used = new TreeSet<>(matches(RESOURCES, ".fxml", FXML_KEY));
        matches(JAVA, ".java", CODE_KEY).stream().filter(k -> !k.endsWith(".")).forEach(used::add);
        return used;
    }

    private static Set<String> usedFamilies() throws IOException {
        Set<String> families = matches(JAVA, ".java", CODE_FAMILY);
        matches(JAVA, ".java", CODE_KEY).stream().filter(k -> k.endsWith("."))
                .forEach(k -> families.add(k.substring(0, k.length() - 1)));
        return families;
    }

    private static Set<String> enumKeys() {
        Set<String> out = new TreeSet<>();
        ENUM_FAMILIES.forEach((family, type) -> Arrays.stream(type.getEnumConstants())
                .forEach(c -> out.add(family + "." + c.name())));
        return out;
    }

    @Test
    void everyLanguageHasTheSameKeys() throws IOException {
        Set<String> fr = keys(bundle("messages_fr.properties"));
        assertEquals(fr, keys(bundle("messages_en.properties")), "messages_en.properties");
        assertEquals(fr, keys(bundle("messages.properties")), "messages.properties");
    }

    @Test
    void theBaseBundleIsTheFrenchOne() throws IOException {
        assertEquals(bundle("messages_fr.properties"), bundle("messages.properties"),
                "French is the default: messages.properties must say exactly what messages_fr.properties says");
    }

    @Test
    void everyKeyUsedInViewsAndCodeExistsInEveryLanguage() throws IOException {
        Set<String> used = usedKeys();
        assertFalse(used.isEmpty(), "the key patterns found nothing: were the conventions changed?");
        for (String file : new String[] {"messages.properties", "messages_fr.properties", "messages_en.properties"}) {
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(keys(bundle(file)));
            assertEquals(Set.of(), missing, "keys missing from " + file);
        }
    }

    @Test
    void everyEnumValueShownHasItsWords() throws IOException {
        Set<String> missing = new TreeSet<>(enumKeys());
        missing.removeAll(keys(bundle("messages_fr.properties")));
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyEnumFamilyUsedInCodeIsChecked() throws IOException {
        Set<String> families = usedFamilies();
        families.removeAll(ENUM_FAMILIES.keySet());
        assertEquals(Set.of(), families, "add these families to ENUM_FAMILIES");
    }

    @Test
    void noKeyIsUnused() throws IOException {
        Set<String> unused = keys(bundle("messages_fr.properties"));
        unused.removeAll(usedKeys());
        unused.removeAll(enumKeys());
        assertEquals(Set.of(), unused, "remove these keys or use them through the conventions");
    }

    @Test
    void apostrophesAreDoubledInTextsWithArguments() throws IOException {
        for (String file : new String[] {"messages_fr.properties", "messages_en.properties"}) {
            Properties p = bundle(file);
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                // Only texts with arguments go through MessageFormat, which drops a lone apostrophe.
                if (v.contains("{0}")) {
                    assertFalse(v.replace("''", "").contains("'"), file + " " + k + ": write '' for an apostrophe in a text with {0}");
                }
            }
        }
    }
}
