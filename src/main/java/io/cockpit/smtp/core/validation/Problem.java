package io.cockpit.smtp.core.validation;

/**
 * Why a value is refused. Core returns these codes; the screens and the CLI turn them into words
 * (the screens through the bundle key {@code problem.<CODE>}, the CLI through {@link #english()}).
 */
public enum Problem {
    REQUIRED("is required"),
    CONTROL_CHARACTERS("must not contain line breaks, tabs or other control characters"),
    TOO_LONG("is too long"),
    HOST_INVALID("must be a DNS name or an IPv4 or IPv6 address"),
    PORT_RANGE("must be a whole number from 1 to 65535"),
    NUMBER_INVALID("must be a whole number"),
    TIMEOUT_RANGE("must be a whole number of seconds from 1 to 600"),
    RATE_RANGE("must be a whole number from 0 (no cap) to 100000"),
    ADDRESS_INVALID("must be one email address such as name@example.com"),
    ADDRESS_LIST("must be a single address, not a list"),
    ENGINE_UNKNOWN("is not a registered engine"),
    CHOICE_INVALID("is not one of the allowed values"),
    USERNAME_REQUIRED("is required when authentication is on"),
    PASSWORD_REQUIRED("is required to activate a gateway that authenticates with a password"),
    SERVER_REQUIRED_WHEN_ACTIVE("is required to activate the gateway"),
    FROM_REQUIRED_WHEN_ACTIVE("is required to activate the gateway"),
    PASSWORD_IN_CLEAR("the password would travel unencrypted: choose SSL or STARTTLS"),
    OAUTH_FIELD_REQUIRED("is required for OAuth 2.0 authentication"),
    URL_INVALID("must be an absolute http:// or https:// URL"),
    LANGUAGE_INVALID("must be a language code such as fr, en or pt-BR"),
    CERTIFICATE_INVALID("is not a readable PEM certificate"),
    LANGUAGE_NOT_LISTED("is not one of the portal's languages"),
    LANGUAGE_DUPLICATE("lists the same language twice"),
    TEMPLATE_SYNTAX("has a syntax error"),
    TEMPLATE_UNKNOWN_VARIABLE("uses a variable that is not in the catalogue (see 'template variables')"),
    // --- outbox ---
    SUBJECT_FROM_TEMPLATE("is not accepted for report-notification: the subject comes from the language's template"),
    VARIABLE_INVALID("must be NAME=VALUE with NAME made of capitals, digits and _ (such as TICKET_ID)"),
    TOO_MANY("has too many values"),
    ENGINE_EXISTS("is already a registered engine"),
    NAME_INVALID("must be 1 to 64 letters, digits, '.', '_' or '-'"),
    JSON_INVALID("is not a JSON object with the fields of a message"),
    DURATION_INVALID("must be a duration such as 30d, 12h, 15m or 45s");

    private final String english;

    Problem(String english) {
        this.english = english;
    }

    /** The English sentence fragment the CLI prints after the field name. */
    public String english() {
        return english;
    }
}
