package io.cockpit.smtp.ui.common;

import static io.cockpit.smtp.ui.common.I18n.key;

import io.cockpit.smtp.core.format.FormatField;
import io.cockpit.smtp.core.gateway.GatewayField;

/**
 * A stored field and the item it belongs to, as the forms word them in the user's language: "server" is "Serveur",
 * "gateway:portal" is "Passerelle du portail". The stable names (those of the CLI options and of the history) stay
 * in the core; the Historique screen and the engines' test word them here, from the labels of the forms themselves.
 */
public final class FieldLabels {
    private final I18n i18n;

    public FieldLabels(I18n i18n) {
        this.i18n = i18n;
    }

    /**
     * The item of a history section: "gateway:portal", "gateway:NAME", "format", "user:NAME"; the section as stored
     * when it is none of these.
     */
    public String item(String section) {
        int colon = section.indexOf(':');
        String area = colon < 0 ? section : section.substring(0, colon);
        String name = colon < 0 ? "" : section.substring(colon + 1);
        return switch (area) {
            case "gateway" -> name.equals("portal") ? i18n.get(key("history.item.portal"))
                    : i18n.get(key("history.item.gateway"), name);
            case "format" -> i18n.get(key("history.item.format"));
            case "user" -> i18n.get(key("history.item.user"), name);
            default -> section;
        };
    }

    /** The label of {@code field} of the item {@code section} on its form; the name as stored when no form shows it. */
    public String field(String section, String field) {
        String area = section.contains(":") ? section.substring(0, section.indexOf(':')) : section;
        if (area.equals("format") && field.startsWith("template.")) {
            return i18n.get(key("history.field.template"), field.substring("template.".length()));
        }
        String labelKey = switch (area) {
            case "gateway" -> gatewayLabel(field);
            case "format" -> formatLabel(field);
            case "user" -> field.equals("role") ? key("history.field.role") : null;
            default -> null;
        };
        return labelKey == null ? field : plain(i18n.get(labelKey));
    }

    /** The gateway form's label of {@code field}, or null. */
    public static String gatewayLabel(String field) {
        return switch (field) {
            case GatewayField.STATUS -> key("gateway.status.label");
            case GatewayField.ENGINE -> key("gateway.engine.label");
            case GatewayField.SERVER -> key("gateway.server.label");
            case GatewayField.PORT -> key("gateway.port.label");
            case GatewayField.SECURITY -> key("gateway.security.label");
            case GatewayField.HELO -> key("gateway.helo.label");
            case GatewayField.AUTH -> key("gateway.auth.label");
            case GatewayField.USERNAME -> key("gateway.username.label");
            case GatewayField.PASSWORD -> key("gateway.password.label");
            case GatewayField.OAUTH_PROVIDER -> key("gateway.oauth.provider.label");
            case GatewayField.OAUTH_TENANT -> key("gateway.oauth.tenant.label");
            case GatewayField.OAUTH_CLIENT_ID -> key("gateway.oauth.clientId.label");
            case GatewayField.OAUTH_CLIENT_SECRET -> key("gateway.oauth.clientSecret.label");
            case GatewayField.OAUTH_TOKEN_URL -> key("gateway.oauth.tokenUrl.label");
            case GatewayField.OAUTH_SCOPE -> key("gateway.oauth.scope.label");
            case GatewayField.FROM -> key("gateway.from.label");
            case GatewayField.REPLY_TO -> key("gateway.replyTo.label");
            case GatewayField.DISPLAY_NAME -> key("gateway.displayName.label");
            case GatewayField.TRUSTED_CERTS -> key("history.field.trustedCerts");
            case GatewayField.CONNECT_TIMEOUT -> key("gateway.connectTimeout.label");
            case GatewayField.READ_TIMEOUT -> key("gateway.readTimeout.label");
            case GatewayField.MAX_PER_MINUTE -> key("gateway.maxPerMinute.label");
            case GatewayField.MAX_RECIPIENTS_PER_DAY -> key("gateway.maxRecipientsPerDay.label");
            case GatewayField.TRANSPORT -> key("gateway.transport.label");
            case GatewayField.GRAPH_URL -> key("gateway.graphUrl.label");
            default -> null;
        };
    }

    private static String formatLabel(String field) {
        return switch (field) {
            case FormatField.USER_URL -> key("format.userUrl.label");
            case FormatField.OPERATOR_URL -> key("format.operatorUrl.label");
            case FormatField.LANGUAGES -> key("history.field.languages");
            case FormatField.DEFAULT_LANGUAGE -> key("format.defaultLanguage.label");
            default -> null;
        };
    }

    /** A form's label without its hint in brackets ("Messages par minute (0 : sans limite)": "Messages par minute"). */
    private static String plain(String label) {
        int bracket = label.indexOf(" (");
        return bracket > 0 && label.endsWith(")") ? label.substring(0, bracket) : label;
    }
}
