package io.cockpit.smtp.core.store;

/**
 * What {@code store show} tells about an open store.
 *
 * @param schemaVersion the last migration applied (Flyway's version, such as {@code 3})
 * @param user who the store sees: the operating-system user on an H2 file, the database login on a server
 */
public record StoreDescription(StoreKind kind, String location, String schemaVersion, String user) {
}
