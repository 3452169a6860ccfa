package io.cockpit.smtp.core.validation;

/**
 * Why a value is refused. Core returns these codes; the screens and the CLI turn them into words (the screens
 * through the bundle key {@code problem.<CODE>}, the CLI in English of its own).
 */
public enum Problem {
    REQUIRED,
    CONTROL_CHARACTERS,
    TOO_LONG,
    HOST_INVALID,
    PORT_RANGE,
    NUMBER_INVALID,
    TIMEOUT_RANGE,
    RATE_RANGE,
    ADDRESS_INVALID,
    ADDRESS_LIST,
    ADDRESS_CHARACTER,
    ENGINE_UNKNOWN,
    /** An engine named for a portal flow other than the gateway's: only supervision alerts and tests choose theirs. */
    ENGINE_NOT_FOR_FLOW,
    CHOICE_INVALID,
    USERNAME_REQUIRED,
    PASSWORD_REQUIRED,
    SERVER_REQUIRED_WHEN_ACTIVE,
    FROM_REQUIRED_WHEN_ACTIVE,
    PASSWORD_IN_CLEAR,
    OAUTH_FIELD_REQUIRED,
    URL_INVALID,
    LANGUAGE_INVALID,
    CERTIFICATE_INVALID,
    LANGUAGE_NOT_LISTED,
    LANGUAGE_DUPLICATE,
    TEMPLATE_SYNTAX,
    TEMPLATE_UNKNOWN_VARIABLE,
    // --- Microsoft 365 and Google: OAuth, Graph, provider limits ---
    DAILY_RANGE,
    HTTPS_REQUIRED,
    GRAPH_NEEDS_OAUTH,
    GRAPH_NEEDS_MICROSOFT,
    CLIENT_SECRET_REQUIRED,
    // --- outbox ---
    SUBJECT_FROM_TEMPLATE,
    VARIABLE_INVALID,
    TOO_MANY,
    ENGINE_EXISTS,
    NAME_INVALID,
    NAME_RESERVED,
    JSON_INVALID,
    NOT_A_STRING,
    NOT_A_LIST,
    NOT_AN_OBJECT,
    UNKNOWN_FIELD,
    LINE_TOO_LONG,
    BATCH_TOO_LARGE,
    DURATION_INVALID,
    // --- import ---
    UNKNOWN_KEY,
    PASSWORD_DROPPED_BY_IMPORT,
    // --- roles and search ---
    USER_NAME_INVALID,
    USER_UNKNOWN,
    LOGIN_UNKNOWN,
    LAST_ADMINISTRATOR,
    DATE_INVALID
}
