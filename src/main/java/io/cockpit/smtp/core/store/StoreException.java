package io.cockpit.smtp.core.store;

import java.nio.file.Path;

/** The configuration store could not be opened or used; the message is one plain sentence naming the path. */
public final class StoreException extends RuntimeException {
    public enum Reason { READ_ONLY, NEWER_SCHEMA, DAMAGED, IN_USE, UNAVAILABLE }

    private final Reason reason;
    private final String location;

    public StoreException(Reason reason, String location, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.location = location;
    }

    public static StoreException of(Reason reason, Path path, Throwable cause) {
        String where = path.toString();
        String msg = switch (reason) {
            case READ_ONLY -> "The configuration store " + where + " cannot be written: check the folder's permissions.";
            case NEWER_SCHEMA -> "The configuration store " + where
                    + " was written by a newer version of the console: update the console to open it.";
            case DAMAGED -> "The configuration store " + where + " is damaged and cannot be read: restore it from a backup.";
            case IN_USE -> "The configuration store " + where + " is locked by another program.";
            case UNAVAILABLE -> "The configuration store " + where + " cannot be opened: " + firstLine(cause);
        };
        return new StoreException(reason, where, msg, cause);
    }

    static String firstLine(Throwable t) {
        if (t == null || t.getMessage() == null) {
            return "unknown error";
        }
        String m = t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** The first line of the underlying error's own message (a technical fact, such as the driver's), for any reason. */
    public String causeText() {
        return firstLine(getCause());
    }

    public Reason reason() {
        return reason;
    }

    public String location() {
        return location;
    }
}
