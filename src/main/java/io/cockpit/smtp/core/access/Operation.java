package io.cockpit.smtp.core.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every change a service makes on someone's behalf, with the roles that may ask for it. Reading is not listed: every
 * role reads everything (support's whole part is to read, preview and try).
 */
public enum Operation {
    /** Save a gateway, pin a certificate, authorise an OAuth mailbox. */
    GATEWAY_SAVE(Role.ADMINISTRATOR),
    /** Connect to the gateway's server, send a test or sample email through it. */
    GATEWAY_TEST(Role.ADMINISTRATOR, Role.OPERATOR),
    /** Save the email format or a subject template. */
    FORMAT_SAVE(Role.ADMINISTRATOR),
    /** Put a message in the outbox. */
    SEND(Role.ADMINISTRATOR, Role.OPERATOR),
    /** Make waiting or failed messages due now. */
    OUTBOX_RETRY(Role.ADMINISTRATOR, Role.OPERATOR),
    /** Delete sent or failed messages. */
    OUTBOX_PURGE(Role.ADMINISTRATOR),
    /** Apply a configuration file. */
    CONFIG_IMPORT(Role.ADMINISTRATOR),
    /** Re-encrypt the stored secrets under a new key. */
    KEY_ROTATE(Role.ADMINISTRATOR),
    /** Register an engine or change which gateway it sends with. */
    ENGINE_CHANGE(Role.ADMINISTRATOR),
    /** Run an engine: it claims and sends every message addressed to it. */
    ENGINE_RUN(Role.ADMINISTRATOR),
    /** Ask an engine to test its gateway from its own machine. */
    ENGINE_TEST(Role.ADMINISTRATOR, Role.OPERATOR),
    /** Give, change or take away a role. */
    USER_CHANGE(Role.ADMINISTRATOR),
    /** Copy the whole store into another one. */
    STORE_COPY(Role.ADMINISTRATOR);

    private final Set<Role> allowed;

    Operation(Role first, Role... others) {
        this.allowed = EnumSet.of(first, others);
    }

    public boolean allows(Role role) {
        return role != null && allowed.contains(role);
    }

    /** The roles that may, in declaration order (administrator first). */
    public Set<Role> allowedRoles() {
        return EnumSet.copyOf(allowed);
    }
}
