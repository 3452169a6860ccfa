package io.cockpit.smtp.core.transfer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cockpit.smtp.core.access.Access;
import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.core.format.EmailFormat;
import io.cockpit.smtp.core.format.FormatJson;
import io.cockpit.smtp.core.format.FormatService;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayField;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.gateway.GatewayJson;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.gateway.TrustedCertificates;
import io.cockpit.smtp.core.history.ChangeLog;
import io.cockpit.smtp.core.history.ChangeSource;
import io.cockpit.smtp.core.history.HistoryEntry;
import io.cockpit.smtp.core.store.ConflictException;
import io.cockpit.smtp.core.store.Database;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.ValidationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration as one file: {@code config export} writes the portal's gateway and the email format (never a
 * secret), {@code config import} validates such a file as a whole and applies all of it or nothing.
 */
public final class ConfigTransfer {
    private final GatewayService gateways;
    private final FormatService formats;
    private final Database database;
    private final Access access;

    /** @param access whether the caller's role may import (a dry run and an export are for every role) */
    public ConfigTransfer(GatewayService gateways, FormatService formats, Database database, Access access) {
        this.gateways = gateways;
        this.formats = formats;
        this.database = database;
        this.access = access;
    }

    /** JSON of the whole configuration; secrets are left out. */
    public ObjectNode export() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("exportVersion", 1);
        root.set("gateway", GatewayJson.export(gateways.loadPortal()));
        ObjectNode format = FormatJson.show(formats.load());
        format.remove("version");
        root.set("format", format);
        return root;
    }

    /** The export as a file holds it: indented JSON ending with a line break (the CLI and the console write this). */
    public String exportText() {
        try {
            return GatewayJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(export()) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the export could not be written as JSON", e);
        }
    }

    /**
     * What an import would change (field, old, new), or changed; nothing is applied on a dry run.
     *
     * @param droppedSecrets the stored secrets the import drops (or would drop), by field name; empty when kept
     * @param dropCauses the fields whose change drops them: {@code server}, {@code port}, {@code security},
     *                   {@code oauth-token-url}
     */
    public record ImportResult(List<HistoryEntry> changes, boolean applied, List<String> droppedSecrets,
                               List<String> dropCauses) {
    }

    /**
     * Validates the whole file first and applies all or nothing. A secret absent from the file keeps the stored one,
     * unless the import sends it somewhere else: a new server or port, security none, a new token endpoint. Then the
     * stored secrets are dropped, unless {@code keepSecrets}. Keys the file should not hold are refused. The history
     * says the changes came from an import.
     *
     * @throws io.cockpit.smtp.core.access.NotPermittedException the caller is not an administrator (not on a dry run)
     */
    public ImportResult importJson(String json, boolean dryRun, boolean keepSecrets)
            throws ValidationException, ConflictException {
        if (!dryRun) {
            access.require(Operation.CONFIG_IMPORT);
        }
        JsonNode root;
        try {
            root = GatewayJson.mapper().readTree(json);
        } catch (IOException e) {
            throw ValidationException.of("file", Problem.CHOICE_INVALID);
        }
        if (root == null || !root.isObject()) {
            throw ValidationException.of("file", Problem.CHOICE_INVALID);
        }
        ValidationException.throwIfErrors(ImportKeys.unknown(root));
        List<HistoryEntry> changes = new ArrayList<>();
        List<String> dropCauses = List.of();
        List<String> dropped = List.of();
        GatewayConfig current = gateways.loadPortal();
        GatewayConfig next = current;
        JsonNode g = root.get("gateway");
        if (g != null && g.isObject()) {
            var pinned = g.has("trustedCertificatePems") ? pems(g.get("trustedCertificatePems")) : null;
            next = GatewayJson.read(g, current, pinned);
            dropCauses = SecretsDestination.changes(current, next);
            if (!dropCauses.isEmpty() && !keepSecrets) {
                dropped = SecretsDestination.held(next);
                next = SecretsDestination.without(next);
            }
            List<FieldProblem> problems = new ArrayList<>(gateways.check(next));
            if (dropped.contains(GatewayField.PASSWORD)) {
                problems.replaceAll(p -> p.problem() == Problem.PASSWORD_REQUIRED
                        ? FieldProblem.error(p.field(), Problem.PASSWORD_DROPPED_BY_IMPORT) : p);
            }
            ValidationException.throwIfErrors(problems);
            changes.addAll(diff(current, next));
        }
        EmailFormat currentFormat = formats.load();
        EmailFormat nextFormat = currentFormat;
        JsonNode f = root.get("format");
        if (f != null && f.isObject()) {
            nextFormat = FormatJson.read(f, currentFormat);
            ValidationException.throwIfErrors(formats.check(nextFormat));
            changes.addAll(diff(currentFormat, nextFormat));
        }
        if (dryRun || changes.isEmpty()) {
            return new ImportResult(changes, false, dropped, dropCauses);
        }
        GatewayConfig gatewayToSave = next == current ? null : next;
        EmailFormat formatToSave = nextFormat == currentFormat ? null : nextFormat;
        // Both in one transaction: a conflict or failure on the second leaves the first unsaved too.
        try {
            database.<Void, ConflictException>atomically(() -> {
                try {
                    if (gatewayToSave != null && !diffIsEmpty(current, gatewayToSave)) {
                        gateways.save(gatewayToSave, ChangeSource.IMPORT);
                    }
                    if (formatToSave != null) {
                        formats.save(formatToSave, ChangeSource.IMPORT);
                    }
                } catch (ValidationException e) {
                    throw new InvalidInside(e); // rolls the transaction back
                }
                return null;
            });
        } catch (InvalidInside e) {
            throw e.cause;
        }
        return new ImportResult(changes, true, dropped, dropCauses);
    }

    private static List<io.cockpit.smtp.core.gateway.TrustedCertificate> pems(JsonNode array) throws ValidationException {
        List<io.cockpit.smtp.core.gateway.TrustedCertificate> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.addAll(TrustedCertificates.fromPem(n.asText()));
        }
        return out;
    }

    private static List<HistoryEntry> diff(GatewayConfig a, GatewayConfig b) {
        ChangeLog log = new ChangeLog("gateway:" + b.name());
        ObjectNode ja = GatewayJson.export(a);
        ObjectNode jb = GatewayJson.export(b);
        jb.fieldNames().forEachRemaining(f -> log.field(f, text(ja.get(f)), text(jb.get(f))));
        return log.entries();
    }

    /** Carries a validation failure out of the transaction, which it rolls back on its way. */
    private static final class InvalidInside extends RuntimeException {
        final ValidationException cause;

        InvalidInside(ValidationException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private static boolean diffIsEmpty(GatewayConfig a, GatewayConfig b) {
        return diff(a, b).isEmpty();
    }

    private static List<HistoryEntry> diff(EmailFormat a, EmailFormat b) {
        ChangeLog log = new ChangeLog("format");
        ObjectNode ja = FormatJson.show(a);
        ObjectNode jb = FormatJson.show(b);
        jb.remove("version");
        jb.fieldNames().forEachRemaining(f -> log.field(f, text(ja.get(f)), text(jb.get(f))));
        return log.entries();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : (n.isValueNode() ? n.asText() : n.toString());
    }
}
