package io.cockpit.smtp.core.validation;

public enum Severity {
    /** The value cannot be saved. */
    ERROR,
    /** The value can be saved, but the user should know. */
    WARNING
}
