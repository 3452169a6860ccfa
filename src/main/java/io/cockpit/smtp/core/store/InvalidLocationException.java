package io.cockpit.smtp.core.store;

/** A store location that cannot be used as given (a usage error: nothing was opened or changed). */
public final class InvalidLocationException extends IllegalArgumentException {
    private final String field;

    public InvalidLocationException(String field, String why) {
        super(why);
        this.field = field;
    }

    /** The option or variable at fault, such as {@code db}. */
    public String field() {
        return field;
    }
}
