package io.cockpit.smtp.core.format;

import io.cockpit.smtp.core.template.Languages;

/** The body of a report-notification email as the preview shows it (the portal's own bodies are not edited here). */
final class SampleBody {
    private SampleBody() {
    }

    static String of(String language) {
        if (Languages.primary(language).equals("fr")) {
            return """
                    Bonjour ${RECIPIENT_NAME},

                    Le rapport « ${REPORT_NAME} » (${REPORT_TYPE}) du ${PERIOD_START} au ${PERIOD_END} est disponible.
                    Consultez-le sur le portail : ${USER_PORTAL_URL:-(URL du portail utilisateur non réglée)}

                    Produit le ${GENERATED_AT} pour ${COMPANY_NAME}.""";
        }
        return """
                Hello ${RECIPIENT_NAME},

                The report "${REPORT_NAME}" (${REPORT_TYPE}) for ${PERIOD_START} to ${PERIOD_END} is ready.
                Open it on the portal: ${USER_PORTAL_URL:-(end-user portal URL not set)}

                Produced on ${GENERATED_AT} for ${COMPANY_NAME}.""";
    }
}
