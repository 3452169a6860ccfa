package io.cockpit.smtp.core.store;

/** Looking through a chain of causes (Flyway and the pool wrap the driver's exception). */
final class Failures {
    private Failures() {
    }

    /** The first throwable of {@code type} in the chain from {@code t}, or null. */
    static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
