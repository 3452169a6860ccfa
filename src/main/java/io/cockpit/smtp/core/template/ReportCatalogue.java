package io.cockpit.smtp.core.template;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The variables of report-notification subjects, their sample values per language, and the built-in subject of each
 * language (used when neither the language nor the default language has a template of its own).
 */
public final class ReportCatalogue {
    public static final String REPORT_NAME = "REPORT_NAME";
    public static final String REPORT_TYPE = "REPORT_TYPE";
    public static final String PERIOD_START = "PERIOD_START";
    public static final String PERIOD_END = "PERIOD_END";
    public static final String GENERATED_AT = "GENERATED_AT";
    public static final String RECIPIENT_NAME = "RECIPIENT_NAME";
    public static final String COMPANY_NAME = "COMPANY_NAME";
    public static final String USER_PORTAL_URL = "USER_PORTAL_URL";
    public static final String OPERATOR_PORTAL_URL = "OPERATOR_PORTAL_URL";

    // A fixed sample week, so previews do not change from one day to the next.
    private static final LocalDate SAMPLE_START = LocalDate.of(2026, 11, 2);
    private static final LocalDate SAMPLE_END = LocalDate.of(2026, 11, 8);
    private static final LocalDateTime SAMPLE_GENERATED = LocalDateTime.of(2026, 11, 9, 7, 30);

    /** The subjects used when no template is stored; by primary language, English for the others. */
    private static final Map<String, String> BUILT_IN = Map.of(
            "fr", "Rapport ${REPORT_NAME} du ${PERIOD_START} au ${PERIOD_END}",
            "en", "${REPORT_NAME} report: ${PERIOD_START} to ${PERIOD_END}",
            "de", "Bericht ${REPORT_NAME}: ${PERIOD_START} bis ${PERIOD_END}",
            "es", "Informe ${REPORT_NAME} del ${PERIOD_START} al ${PERIOD_END}",
            "it", "Report ${REPORT_NAME} dal ${PERIOD_START} al ${PERIOD_END}",
            "pt", "Relatório ${REPORT_NAME} de ${PERIOD_START} a ${PERIOD_END}",
            "nl", "Rapport ${REPORT_NAME}: ${PERIOD_START} tot ${PERIOD_END}");

    private static final List<TemplateVariable> VARIABLES = List.of(
            new TemplateVariable(REPORT_NAME, "Nom du rapport", "Name of the report", TemplateVariable.words(Map.of(
                    "fr", "Incidents ouverts", "en", "Open incidents", "de", "Offene Störungen",
                    "es", "Incidencias abiertas", "it", "Incidenti aperti", "pt", "Incidentes abertos",
                    "nl", "Open incidenten"))),
            new TemplateVariable(REPORT_TYPE, "Type de rapport (périodicité)", "Type of report (how often it runs)",
                    TemplateVariable.words(Map.of("fr", "Hebdomadaire", "en", "Weekly", "de", "Wöchentlich",
                            "es", "Semanal", "it", "Settimanale", "pt", "Semanal", "nl", "Wekelijks"))),
            new TemplateVariable(PERIOD_START, "Premier jour de la période couverte", "First day of the period covered",
                    date(SAMPLE_START)),
            new TemplateVariable(PERIOD_END, "Dernier jour de la période couverte", "Last day of the period covered",
                    date(SAMPLE_END)),
            new TemplateVariable(GENERATED_AT, "Date et heure de production du rapport", "When the report was produced",
                    locale -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                            .withLocale(locale).format(SAMPLE_GENERATED)),
            new TemplateVariable(RECIPIENT_NAME, "Nom du destinataire", "Recipient's name", TemplateVariable.words(Map.of(
                    "fr", "Camille Martin", "en", "Alex Smith", "de", "Jonas Weber", "es", "Lucía García",
                    "it", "Giulia Rossi", "pt", "Ana Souza", "nl", "Sanne de Vries"))),
            new TemplateVariable(COMPANY_NAME, "Nom de la société", "Company name", TemplateVariable.words(Map.of(
                    "fr", "Exemple SA", "en", "Example Ltd", "de", "Beispiel GmbH"))),
            new TemplateVariable(USER_PORTAL_URL, "URL du portail utilisateur (réglée plus haut)",
                    "End-user portal URL (set above)", locale -> "https://support.example.com"),
            new TemplateVariable(OPERATOR_PORTAL_URL, "URL du portail opérateur (réglée plus haut)",
                    "Operator portal URL (set above)", locale -> "https://support.example.com/operator"));

    private static final ReportCatalogue INSTANCE = new ReportCatalogue();

    private final Map<String, TemplateVariable> byName;
    private final Set<String> names;

    private ReportCatalogue() {
        Map<String, TemplateVariable> m = new LinkedHashMap<>();
        VARIABLES.forEach(v -> m.put(v.name(), v));
        byName = Collections.unmodifiableMap(m);
        names = Collections.unmodifiableSet(new LinkedHashSet<>(m.keySet()));
    }

    public static ReportCatalogue get() {
        return INSTANCE;
    }

    /** In the order the screen and {@code template variables} list them. */
    public List<TemplateVariable> variables() {
        return VARIABLES;
    }

    public Set<String> names() {
        return names;
    }

    public Optional<TemplateVariable> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** A sample value for every variable, formatted for {@code language}. */
    public Map<String, String> samples(String language) {
        Map<String, String> out = new LinkedHashMap<>();
        for (TemplateVariable v : VARIABLES) {
            out.put(v.name(), v.sample(language));
        }
        return out;
    }

    /** The built-in subject of a language (English words for a language without one of its own). */
    public String builtInSubject(String language) {
        String primary = language == null ? "en" : Languages.primary(language);
        return BUILT_IN.getOrDefault(primary, BUILT_IN.get("en"));
    }

    private static Function<Locale, String> date(LocalDate d) {
        return locale -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(d);
    }
}
