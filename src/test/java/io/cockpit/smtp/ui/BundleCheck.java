package io.cockpit.smtp.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The check a screen's bundle test shares: the keys it needs, from its FXML and its enums, are in a bundle file. */
public final class BundleCheck {
    private static final Pattern FXML_KEY = Pattern.compile("\"%([a-zA-Z0-9_.]+)\"");

    private BundleCheck() {
    }

    /** The {@code %key}s of an FXML resource (absolute classpath name). */
    public static List<String> fxmlKeys(String fxml) throws Exception {
        List<String> keys = new ArrayList<>();
        try (InputStream in = BundleCheck.class.getResourceAsStream(fxml)) {
            Matcher m = FXML_KEY.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) keys.add(m.group(1));
        }
        return keys;
    }

    /** Every key is in {@code messages<suffix>.properties} (suffix "", "_fr" or "_en"). */
    public static void assertAllInBundle(String suffix, List<String> keys) throws Exception {
        Properties p = new Properties();
        try (InputStream in = BundleCheck.class.getResourceAsStream("/io/cockpit/smtp/ui/i18n/messages" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (String key : keys) {
            assertTrue(p.containsKey(key), "messages" + suffix + " lacks " + key);
        }
    }
}
