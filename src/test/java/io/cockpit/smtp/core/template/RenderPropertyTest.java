package io.cockpit.smtp.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever the template and the values, a rendered subject holds no control character and neither starts
 * nor ends with a blank. Seeded, so a failure is reproducible from the case number it prints.
 */
class RenderPropertyTest {
    private static final String[] NAMES = {"A", "B", "REPORT_NAME", "X1", "UNSET"};
    // Pieces chosen to hit the parser's edges and the sanitiser's: syntax characters, controls, blanks, surrogates.
    private static final String[] PIECES = {"$", "{", "}", "${", "$${", ":-", "\r", "\n", "\r\n", "\t", "\u0000",
            "\u000B", "\u007F", "\u0085", "\u2028", "\u2029", " ", "  ", "\u00A0", "\u3000", "é", "🎉", "a", "Zz",
            "${A}", "${B:-fb}", "${UNSET:-\n}", "${1A}", "${}", "${A B}", "${REPORT_NAME}", "${X1:-}"};

    @Test
    void renderedSubjectsNeverHoldControlsOrOuterBlanks() {
        Random random = new Random(20261127L);
        for (int i = 0; i < 20_000; i++) {
            String template = randomText(random, 12);
            Map<String, String> values = new HashMap<>();
            for (String name : NAMES) {
                if (random.nextInt(4) != 0) {
                    values.put(name, randomText(random, 5));
                }
            }
            values.remove("UNSET");
            String subject = Template.parse(template).render(values);
            for (int k = 0; k < subject.length(); k++) {
                char c = subject.charAt(k);
                if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                    fail("case " + i + ": control U+" + Integer.toHexString(c) + " in " + quoted(subject)
                            + " from " + quoted(template) + " " + values);
                }
            }
            if (!subject.isEmpty()) {
                assertFalse(Character.isWhitespace(subject.charAt(0)) || Character.isSpaceChar(subject.charAt(0)),
                        () -> "case starts with a blank: " + quoted(subject));
                assertFalse(Character.isWhitespace(subject.charAt(subject.length() - 1))
                        || Character.isSpaceChar(subject.charAt(subject.length() - 1)),
                        () -> "case ends with a blank: " + quoted(subject));
            }
            assertFalse(subject.contains("  ") && !template.contains("  ") && noDoubleBlankPossible(template, values),
                    "a control run became more than one space");
        }
    }

    @Test
    void renderingTwiceGivesTheSameSubject() {
        Random random = new Random(7L);
        for (int i = 0; i < 2_000; i++) {
            Template t = Template.parse(randomText(random, 10));
            Map<String, String> values = Map.of("A", randomText(random, 4), "B", randomText(random, 4));
            assertEquals(t.render(values), t.render(values));
        }
    }

    private static boolean noDoubleBlankPossible(String template, Map<String, String> values) {
        // Two spaces can legitimately come from a space next to a control run; only flag pure-control inputs.
        String all = template + String.join("", values.values());
        return all.indexOf(' ') < 0 && all.indexOf('\u00A0') < 0 && all.indexOf('\u3000') < 0;
    }

    private static String randomText(Random random, int maxPieces) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) {
            sb.append(random.nextInt(5) == 0 ? (char) random.nextInt(0x3000) : PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> sb.append(cp < 0x20 || cp == 0x7F ? String.format("\\u%04x", cp) : new String(Character.toChars(cp))));
        return sb.append('"').toString();
    }
}
