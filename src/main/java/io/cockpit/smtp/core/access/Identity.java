package io.cockpit.smtp.core.access;

/**
 * The operating-system user this process runs as: the one an H2 store knows people by (a server store knows them by
 * their database login). Given explicitly, it lets a test act as another user without changing the real one.
 */
public record Identity(String osUser) {
    public Identity {
        if (osUser == null || osUser.isBlank()) {
            throw new IllegalArgumentException("an identity needs a user name");
        }
    }

    /** The user the JVM runs as. */
    public static Identity system() {
        String u = System.getProperty("user.name");
        return new Identity(u == null || u.isBlank() ? "unknown" : u);
    }
}
