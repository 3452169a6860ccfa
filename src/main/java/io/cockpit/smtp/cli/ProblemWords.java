package io.cockpit.smtp.cli;

import io.cockpit.smtp.core.access.Role;
import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The CLI's English for the validation codes (the console's words are in its bundles, key {@code problem.<CODE>}). */
final class ProblemWords {
    private ProblemWords() {
    }

    /** "port: must be a whole number from 1 to 65535". */
    static String sentence(FieldProblem p) {
        String choices = p.problem() == Problem.CHOICE_INVALID ? choices(p.field()) : null;
        return p.field() + ": " + (choices != null ? "must be one of " + choices : english(p.problem()));
    }

    /** The values a field of a command takes, where one value out of a list was expected; null for another field. */
    private static String choices(String field) {
        // A batch line's field is "line N: flow".
        String name = field.substring(field.lastIndexOf(' ') + 1);
        return switch (name) {
            case "role" -> names(Arrays.stream(Role.values()).map(Role::cliName));
            case "flow" -> names(Arrays.stream(Flow.values()).map(Flow::cliName));
            case "status" -> names(Arrays.stream(OutboxStatus.values()).map(OutboxStatus::cliName));
            default -> null;
        };
    }

    private static String names(Stream<String> values) {
        return values.collect(Collectors.joining(", "));
    }

    /** The sentence fragment printed after the field name. */
    static String english(Problem p) {
        return switch (p) {
            case REQUIRED -> "is required";
            case CONTROL_CHARACTERS -> "must not contain line breaks, tabs or other control characters";
            case TOO_LONG -> "is too long";
            case HOST_INVALID -> "must be a DNS name or an IPv4 or IPv6 address";
            case PORT_RANGE -> "must be a whole number from 1 to 65535";
            case NUMBER_INVALID -> "must be a whole number";
            case TIMEOUT_RANGE -> "must be a whole number of seconds from 1 to 600";
            case RATE_RANGE -> "must be a whole number from 0 (no cap) to 100000";
            case ADDRESS_INVALID -> "must be one email address such as name@example.com";
            case ADDRESS_LIST -> "must be a single address, not a list";
            case ADDRESS_CHARACTER -> "holds a character that cannot stand in an email address (an invisible, text"
                    + " direction, special space, private-use or unassigned character)";
            case ENGINE_UNKNOWN -> "is not a registered engine";
            case CHOICE_INVALID -> "is not one of the allowed values";
            case USERNAME_REQUIRED -> "is required when authentication is on";
            case PASSWORD_REQUIRED -> "is required to activate a gateway that authenticates with a password";
            case SERVER_REQUIRED_WHEN_ACTIVE -> "is required to activate the gateway";
            case FROM_REQUIRED_WHEN_ACTIVE -> "is required to activate the gateway";
            case PASSWORD_IN_CLEAR -> "the password would travel unencrypted: choose SSL or STARTTLS";
            case OAUTH_FIELD_REQUIRED -> "is required for OAuth 2.0 authentication";
            case URL_INVALID -> "must be an absolute http:// or https:// URL";
            case LANGUAGE_INVALID -> "must be a language code such as fr, en or pt-BR";
            case CERTIFICATE_INVALID -> "is not a readable PEM certificate";
            case LANGUAGE_NOT_LISTED -> "is not one of the portal's languages";
            case LANGUAGE_DUPLICATE -> "lists the same language twice";
            case TEMPLATE_SYNTAX -> "has a syntax error";
            case TEMPLATE_UNKNOWN_VARIABLE -> "uses a variable that is not in the catalogue (see 'template variables')";
            case DAILY_RANGE -> "must be a whole number from 0 (no cap) to 10000000";
            case HTTPS_REQUIRED -> "must be an https:// URL";
            case GRAPH_NEEDS_OAUTH -> "graph needs --auth oauth2 with a Microsoft OAuth client";
            case GRAPH_NEEDS_MICROSOFT -> "must be microsoft to send through Microsoft Graph";
            case CLIENT_SECRET_REQUIRED -> "is required to activate a gateway that sends through Microsoft Graph (--oauth-client-secret-stdin)";
            case SUBJECT_FROM_TEMPLATE -> "is not accepted for report-notification: the subject comes from the language's template";
            case VARIABLE_INVALID -> "must be NAME=VALUE with NAME made of capitals, digits and _ (such as TICKET_ID)";
            case TOO_MANY -> "has too many values";
            case ENGINE_EXISTS -> "is already a registered engine";
            case ENGINE_NOT_FOR_FLOW -> "only supervision-alert and test messages choose their engine; the portal's "
                    + "messages are sent by the gateway's engine";
            case NAME_INVALID -> "must be 1 to 64 letters, digits, '.', '_' or '-'";
            case NAME_RESERVED -> "is the name of the portal's gateway: an engine's own gateway is named after the engine";
            case JSON_INVALID -> "is not a JSON object with the fields of a message";
            case NOT_A_STRING -> "must be a JSON string";
            case NOT_A_LIST -> "must be a JSON array of address strings, or one string";
            case NOT_AN_OBJECT -> "must be a JSON object of NAME: value";
            case UNKNOWN_FIELD -> "is not a field of a message (flow, to, lang, audience, subject, body, vars, engine)";
            case LINE_TOO_LONG -> "is longer than " + BatchReader.MAX_LINE_CHARS + " characters";
            case BATCH_TOO_LARGE -> "holds more than " + BatchReader.MAX_MESSAGES + " messages or "
                    + BatchReader.MAX_BATCH_CHARS / (1024 * 1024) + " M characters: split it";
            case DURATION_INVALID -> "must be a duration such as 30d, 12h, 15m or 45s";
            case UNKNOWN_KEY -> "is not a key of a configuration file (see config export)";
            case PASSWORD_DROPPED_BY_IMPORT -> "is dropped because the import changes where it would be sent (server, port,"
                    + " security none or token URL), and an active gateway needs it: import with --keep-secrets, or"
                    + " import with \"status\": \"inactive\" and set the password again";
            case USER_NAME_INVALID -> "must be 1 to " + io.cockpit.smtp.core.access.UserService.MAX_NAME
                    + " characters, without line breaks or other control characters";
            case USER_UNKNOWN -> "has no role in this store (see user list)";
            case LOGIN_UNKNOWN -> "is not a login of the database server: the database administrator creates it first"
                    + " (CREATE ROLE NAME LOGIN PASSWORD '...')";
            case LAST_ADMINISTRATOR -> "is the store's last administrator: give another user the administrator role first";
            case DATE_INVALID -> "must be a date (2024-05-31), a date and time (2024-05-31T14:30, 2024-05-31T14:30:00Z) or an"
                    + " age such as 24h, 7d or P1M";
        };
    }
}
