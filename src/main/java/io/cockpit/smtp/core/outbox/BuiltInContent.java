package io.cockpit.smtp.core.outbox;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in subjects and bodies of each flow, in French and English (other languages use English). Placeholders
 * {@code {NAME}} take the message's variables; a missing one leaves nothing. Values are inserted as they are (never
 * expanded again) and escaped in the HTML part.
 */
public final class BuiltInContent {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Z][A-Z0-9_]*)}");

    private BuiltInContent() {
    }

    /** Subject, text body and HTML body (null: the flow has text only). */
    public record Content(String subject, String text, String html) {
    }

    private record Texts(String subject, String fallbackSubject, String intro, String action) {
    }

    public static boolean french(String lang) {
        return lang != null && (lang.equals("fr") || lang.startsWith("fr-"));
    }

    /** The built-in report-notification subject (used when no template exists for the language). */
    public static String reportSubject(String lang, Map<String, String> vars) {
        return subject(Flow.REPORT_NOTIFICATION, lang, vars);
    }

    public static String subject(Flow flow, String lang, Map<String, String> vars) {
        Texts t = texts(flow, french(lang));
        String s = io.cockpit.smtp.core.mail.HeaderText.oneLine(fill(t.subject(), vars));
        return hasAllValues(t.subject(), vars) && !s.isBlank() ? s : t.fallbackSubject();
    }

    /** The built-in body of {@code flow}, linking to {@code portalUrl}. */
    public static Content content(Flow flow, String lang, Map<String, String> vars, String portalUrl) {
        boolean fr = french(lang);
        Texts t = texts(flow, fr);
        String intro = fill(t.intro(), vars);
        String greeting = fr ? "Bonjour," : "Hello,";
        String signature = fr ? "-- \nMessage automatique du portail, merci de ne pas y répondre directement."
                : "-- \nAutomatic message from the portal; please do not reply to it directly.";
        // Without a configured portal URL there is no link to give: better none than a wrong one.
        boolean linked = portalUrl != null && !portalUrl.isBlank();
        String text = greeting + "\n\n" + intro + "\n\n" + (linked ? t.action() + "\n" + portalUrl + "\n\n" : "")
                + signature + "\n";
        String html = null;
        if (flow != Flow.TEST && flow != Flow.SUPERVISION_ALERT) {
            String link = linked ? HtmlText.escape(portalUrl) : "";
            html = "<!DOCTYPE html>\n<html lang=\"" + (fr ? "fr" : "en") + "\"><head><meta charset=\"UTF-8\"></head><body>\n"
                    + "<p>" + HtmlText.escape(greeting) + "</p>\n"
                    + "<p>" + HtmlText.escape(fill(t.intro(), vars)).replace("\n", "<br>\n") + "</p>\n"
                    + (linked ? "<p><a href=\"" + link + "\">" + HtmlText.escape(t.action()) + "</a></p>\n" : "")
                    + "<p style=\"color:#666\">" + HtmlText.escape(signature.substring(4)) + "</p>\n"
                    + "</body></html>\n";
        }
        return new Content(subject(flow, lang, vars), text, html);
    }

    private static Texts texts(Flow flow, boolean fr) {
        return switch (flow) {
            case TICKET_NOTIFICATION -> fr
                    ? new Texts("Ticket {TICKET_ID} : {TICKET_TITLE}", "Notification de ticket",
                        "Le ticket {TICKET_ID} « {TICKET_TITLE} » a été mis à jour.", "Consulter le ticket sur le portail :")
                    : new Texts("Ticket {TICKET_ID}: {TICKET_TITLE}", "Ticket notification",
                        "Ticket {TICKET_ID} \"{TICKET_TITLE}\" was updated.", "See the ticket on the portal:");
            case REPORT_NOTIFICATION -> fr
                    ? new Texts("Rapport disponible : {REPORT_NAME}", "Rapport disponible",
                        "Le rapport {REPORT_NAME} est disponible.", "Consulter le rapport sur le portail :")
                    : new Texts("Report available: {REPORT_NAME}", "Report available",
                        "Report {REPORT_NAME} is available.", "See the report on the portal:");
            case PASSWORD_RESET -> fr
                    ? new Texts("Réinitialisation de votre mot de passe", "Réinitialisation de votre mot de passe",
                        "Une réinitialisation du mot de passe du compte {LOGIN} a été demandée. Si vous n'en êtes pas "
                                + "l'auteur, ignorez ce message.", "Choisir un nouveau mot de passe sur le portail :")
                    : new Texts("Resetting your password", "Resetting your password",
                        "A password reset was requested for the account {LOGIN}. If it was not you, ignore this message.",
                        "Choose a new password on the portal:");
            case USER_ACCESS -> fr
                    ? new Texts("Votre accès au portail", "Votre accès au portail",
                        "Un accès au portail a été créé pour vous. Identifiant : {LOGIN}", "Se connecter au portail :")
                    : new Texts("Your access to the portal", "Your access to the portal",
                        "An access to the portal was created for you. Login: {LOGIN}", "Sign in to the portal:");
            case FEEDBACK -> fr
                    ? new Texts("Votre avis sur le ticket {TICKET_ID}", "Votre avis nous intéresse",
                        "Le ticket {TICKET_ID} est résolu. Dites-nous ce que vous en pensez.", "Donner votre avis sur le portail :")
                    : new Texts("Your feedback on ticket {TICKET_ID}", "We value your feedback",
                        "Ticket {TICKET_ID} is resolved. Tell us what you think.", "Give your feedback on the portal:");
            case TICKET_EMAIL -> fr
                    ? new Texts("Ticket {TICKET_ID} : {TICKET_TITLE}", "Message concernant votre ticket",
                        "Un message vous a été écrit depuis le ticket {TICKET_ID}.", "Répondre depuis le portail :")
                    : new Texts("Ticket {TICKET_ID}: {TICKET_TITLE}", "Message about your ticket",
                        "A message was written to you from ticket {TICKET_ID}.", "Reply from the portal:");
            case SUPERVISION_ALERT -> fr
                    ? new Texts("Alerte de supervision : {ALERT}", "Alerte de supervision",
                        "La supervision signale : {ALERT}", "Voir le tableau de bord :")
                    : new Texts("Supervision alert: {ALERT}", "Supervision alert",
                        "Supervision reports: {ALERT}", "See the dashboard:");
            case TEST -> fr
                    ? new Texts("Email de test de la passerelle SMTP", "Email de test de la passerelle SMTP",
                        "Ce message vérifie que la passerelle SMTP du portail envoie bien les emails.", "Le portail :")
                    : new Texts("SMTP gateway test email", "SMTP gateway test email",
                        "This message checks that the portal's SMTP gateway sends email.", "The portal:");
        };
    }

    private static boolean hasAllValues(String template, Map<String, String> vars) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null || v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    static String fill(String template, Map<String, String> vars) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = vars.getOrDefault(m.group(1), "");
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
