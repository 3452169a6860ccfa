package io.cockpit.smtp.cli;

import io.cockpit.smtp.core.access.NotPermittedException;
import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.core.access.Role;
import java.util.stream.Collectors;

/** The CLI's English for a refusal by role (exit 4); the console words it through its bundles. */
final class PermissionWords {
    private PermissionWords() {
    }

    /** "not permitted: bob (support) may not change a gateway: that needs the administrator role. Nothing was changed." */
    static String sentence(NotPermittedException e) {
        String who = e.role() == null ? e.who() + " has no role in this store and" : e.who() + " (" + e.role().cliName() + ")";
        String needs = e.operation().allowedRoles().stream().map(Role::cliName).collect(Collectors.joining(" or "));
        return "not permitted: " + who + " may not " + action(e.operation()) + ": that needs the " + needs + " role. "
                + "Nothing was changed.";
    }

    static String action(Operation o) {
        return switch (o) {
            case GATEWAY_SAVE -> "change a gateway";
            case GATEWAY_TEST -> "test a gateway";
            case FORMAT_SAVE -> "change the email format";
            case SEND -> "send a message";
            case OUTBOX_RETRY -> "retry messages";
            case OUTBOX_PURGE -> "delete messages";
            case CONFIG_IMPORT -> "import a configuration";
            case KEY_ROTATE -> "rotate the key file";
            case ENGINE_CHANGE -> "add or change an engine";
            case ENGINE_RUN -> "run an engine";
            case ENGINE_TEST -> "test from an engine";
            case USER_CHANGE -> "change who may do what";
            case STORE_COPY -> "copy the store";
        };
    }
}
