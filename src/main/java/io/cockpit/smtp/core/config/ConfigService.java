package io.cockpit.smtp.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayField;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.gateway.SealedSecret;
import io.cockpit.smtp.core.format.EmailFormat;
import io.cockpit.smtp.core.format.FormatService;
import io.cockpit.smtp.core.store.ConflictException;
import io.cockpit.smtp.core.store.Database;
import io.cockpit.smtp.core.store.GatewayRepository;
import io.cockpit.smtp.core.store.SecretBox;
import io.cockpit.smtp.core.store.SecretUnavailableException;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The configuration as a whole: export, import, key rotation. */
public final class ConfigService {
    private final GatewayService gateways;
    private final GatewayRepository repository;
    private final FormatService formats;
    private final SecretBox secrets;
    private final Database database;

    public ConfigService(GatewayService gateways, GatewayRepository repository, FormatService formats, SecretBox secrets,
                         Database database) {
        this.gateways = gateways;
        this.repository = repository;
        this.formats = formats;
        this.secrets = secrets;
        this.database = database;
    }

    /** JSON of the whole configuration; secrets are left out. */
    public ObjectNode export() {
        ObjectNode root = GatewayJson.MAPPER.createObjectNode();
        root.put("exportVersion", 1);
        root.set("gateway", GatewayJson.export(gateways.loadPortal()));
        ObjectNode format = FormatJson.show(formats.load());
        format.remove("version");
        root.set("format", format);
        return root;
    }

    /** What an import would change (field, old, new), or changed; nothing is applied on a dry run. */
    public record ImportResult(List<HistoryEntry> changes, boolean applied) {
    }

    /**
     * Validates the whole file first and applies all or nothing. A secret absent from the file keeps the stored one.
     */
    public ImportResult importJson(String json, boolean dryRun) throws ValidationException, ConflictException {
        JsonNode root;
        try {
            root = GatewayJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw ValidationException.of("file", Problem.CHOICE_INVALID);
        }
        if (root == null || !root.isObject()) {
            throw ValidationException.of("file", Problem.CHOICE_INVALID);
        }
        List<HistoryEntry> changes = new ArrayList<>();
        GatewayConfig current = gateways.loadPortal();
        GatewayConfig next = current;
        JsonNode g = root.get("gateway");
        if (g != null && g.isObject()) {
            var pinned = g.has("trustedCertificatePems") ? pems(g.get("trustedCertificatePems")) : null;
            next = GatewayJson.read(g, current, pinned);
            ValidationException.throwIfErrors(gateways.check(next));
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
            return new ImportResult(changes, false);
        }
        GatewayConfig gatewayToSave = next == current ? null : next;
        EmailFormat formatToSave = nextFormat == currentFormat ? null : nextFormat;
        // Both in one transaction: a conflict or failure on the second leaves the first unsaved too.
        try {
            database.<Void, ConflictException>atomically(() -> {
                try {
                    if (gatewayToSave != null && !diffIsEmpty(current, gatewayToSave)) {
                        gateways.save(gatewayToSave);
                    }
                    if (formatToSave != null) {
                        formats.save(formatToSave);
                    }
                } catch (ValidationException e) {
                    throw new InvalidInside(e); // rolls the transaction back
                }
                return null;
            });
        } catch (InvalidInside e) {
            throw e.cause;
        }
        return new ImportResult(changes, true);
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

    /**
     * Re-encrypts every stored secret under a new key file. The new key is written beside the old one first, the
     * secrets are re-encrypted in one transaction, then the new key file replaces the old one; the old key is kept as
     * {@code <key>.old} until the next rotation.
     */
    public int rotateKey() throws SecretUnavailableException, IOException {
        Path keyFile = secrets.keyFile();
        Path fresh = keyFile.resolveSibling(keyFile.getFileName() + ".new");
        SecretBox next = SecretBox.createNew(fresh);
        List<GatewayConfig> all = repository.findAll();
        // Decrypt everything first: a secret that cannot be read stops the rotation before anything changes.
        List<GatewayConfig> resealed = new ArrayList<>();
        int count = 0;
        for (GatewayConfig g : all) {
            GatewayConfig.Builder b = g.toBuilder();
            if (g.password() != null) {
                b.password(reseal(g, GatewayField.PASSWORD, g.password(), next));
                count++;
            }
            GatewayConfig.OAuthSettings o = g.oauth();
            SealedSecret cs = o.clientSecret() == null ? null : reseal(g, GatewayField.OAUTH_CLIENT_SECRET, o.clientSecret(), next);
            SealedSecret rt = o.refreshToken() == null ? null : reseal(g, "oauth-refresh-token", o.refreshToken(), next);
            count += (cs == null ? 0 : 1) + (rt == null ? 0 : 1);
            b.oauth(new GatewayConfig.OAuthSettings(o.provider(), o.tenant(), o.clientId(), cs, o.tokenUrl(), o.scope(), rt));
            resealed.add(b.build());
        }
        repository.resealAll(g -> resealed.stream().filter(r -> r.name().equals(g.name())).findFirst().orElse(g));
        if (Files.exists(keyFile)) {
            Files.copy(keyFile, keyFile.resolveSibling(keyFile.getFileName() + ".old"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(fresh, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        secrets.reload();
        return count;
    }

    private SealedSecret reseal(GatewayConfig g, String field, SealedSecret s, SecretBox next) throws SecretUnavailableException {
        String context = "gateway:" + g.name() + ":" + field;
        char[] plain = secrets.open(s, context);
        try {
            return next.seal(plain, context);
        } finally {
            Arrays.fill(plain, '\0');
        }
    }
}
