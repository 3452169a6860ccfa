package io.cockpit.smtp.core.access;

/** One person the store knows, and their role. */
public record StoreUser(String name, Role role) {
}
