package io.cockpit.smtp.cli;

import static io.cockpit.smtp.core.gateway.GatewayField.*;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.gateway.GatewayValidator;
import io.cockpit.smtp.core.gateway.OAuthProvider;
import io.cockpit.smtp.core.gateway.Preset;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.gateway.TrustedCertificate;
import io.cockpit.smtp.core.gateway.TrustedCertificates;
import io.cockpit.smtp.core.gateway.Transport;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.Syntax;
import io.cockpit.smtp.core.validation.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of {@code gateway set}, shared with {@code engine set} for an engine's specific gateway.
 * Every value is taken as text and checked by the same rules as the screen, so a bad value is named in plain words.
 */
public final class GatewayOptions {
    @Option(names = "--preset", paramLabel = "generic|office365|gmail") String preset;
    @Option(names = "--status", paramLabel = "active|inactive") String status;
    @Option(names = "--engine", paramLabel = "NAME") String engine;
    @Option(names = "--server", paramLabel = "HOST") String server;
    @Option(names = "--port", paramLabel = "N") String port;
    @Option(names = "--security", paramLabel = "none|ssl|starttls") String security;
    @Option(names = "--helo", paramLabel = "NAME", description = "name announced in EHLO (empty: the host's name)") String helo;
    @Option(names = "--auth", paramLabel = "none|password|oauth2", description = "with password or oauth2, a "
            + "security of none becomes starttls unless --security none is given in the same command") String auth;
    @Option(names = "--username", paramLabel = "USER") String username;
    @Option(names = "--password-stdin", description = "read the password from standard input (one line)") boolean passwordStdin;
    @Option(names = "--oauth-provider", paramLabel = "microsoft|google|custom") String oauthProvider;
    @Option(names = "--oauth-tenant", paramLabel = "ID") String oauthTenant;
    @Option(names = "--oauth-client-id", paramLabel = "ID") String oauthClientId;
    @Option(names = "--oauth-client-secret-stdin") boolean oauthClientSecretStdin;
    @Option(names = "--oauth-token-url", paramLabel = "URL") String oauthTokenUrl;
    @Option(names = "--oauth-scope", paramLabel = "SCOPE") String oauthScope;
    @Option(names = "--from", paramLabel = "ADDRESS") String from;
    @Option(names = "--reply-to", paramLabel = "ADDRESS") String replyTo;
    @Option(names = "--no-reply-to", description = "remove the reply-to address") boolean noReplyTo;
    @Option(names = "--display-name", paramLabel = "TEXT") String displayName;
    @Option(names = "--trust-cert", paramLabel = "FILE.pem") List<Path> trustCerts;
    @Option(names = "--clear-trusted-certs") boolean clearTrustedCerts;
    @Option(names = "--connect-timeout", paramLabel = "SECONDS") String connectTimeout;
    @Option(names = "--read-timeout", paramLabel = "SECONDS") String readTimeout;
    @Option(names = "--max-per-minute", paramLabel = "N") String maxPerMinute;
    @Option(names = "--max-recipients-per-day", paramLabel = "N",
            description = "the provider's cap on recipients in any 24 hours, shared by every engine of the gateway (0: no cap)")
    String maxRecipientsPerDay;
    @Option(names = "--transport", paramLabel = "smtp|graph",
            description = "graph: send through Microsoft Graph with the Microsoft OAuth client's application token") String transport;
    @Option(names = "--graph-url", paramLabel = "URL",
            description = "the Graph endpoint (default " + Transport.DEFAULT_GRAPH_URL + "; national clouds have their own)")
    String graphUrl;

    /**
     * Applies the options given over {@code base}; checks every value first and throws with all the problems.
     * Secrets are read from {@code stdin} (password first, then the client secret, one line each).
     */
    public GatewayConfig apply(GatewayConfig base, GatewayService service, InputStream stdin) throws ValidationException {
        List<FieldProblem> problems = new ArrayList<>();
        GatewayConfig.Builder b = base.toBuilder();
        if (preset != null) {
            choice(PRESET_FIELD, preset, Preset.class, problems).ifPresent(p -> {
                GatewayConfig withPreset = p.applyTo(b.build());
                b.server(withPreset.server()).port(withPreset.port()).security(withPreset.security()).auth(withPreset.auth())
                        .maxPerMinute(withPreset.maxPerMinute()).maxRecipientsPerDay(withPreset.maxRecipientsPerDay());
            });
        }
        if (status != null) choice(STATUS, status, GatewayStatus.class, problems).ifPresent(b::status);
        if (engine != null) b.engine(engine.trim());
        if (server != null) {
            GatewayValidator.server(server, false).ifPresent(p -> problems.add(FieldProblem.error(SERVER, p)));
            b.server(server);
        }
        if (security != null) choice(SECURITY, security, Security.class, problems).ifPresent(b::security);
        if (port != null) {
            Optional<Problem> p = GatewayValidator.port(port);
            p.ifPresentOrElse(pr -> problems.add(FieldProblem.error(PORT, pr)), () -> b.port(Integer.parseInt(port.trim())));
        }
        if (helo != null) {
            GatewayValidator.helo(helo).ifPresent(p -> problems.add(FieldProblem.error(HELO, p)));
            b.helo(helo.isBlank() ? null : helo);
        }
        if (auth != null) {
            choice(AUTH, auth, Authentication.class, problems).ifPresent(a -> {
                b.auth(a);
                // With authentication the security defaults to STARTTLS: credentials in clear take --security none
                // given in this very command.
                if (a != Authentication.NONE && security == null && b.build().security() == Security.NONE) {
                    b.security(Security.STARTTLS);
                }
            });
        }
        if (username != null) b.username(username);
        if (from != null) {
            GatewayValidator.from(from, false).ifPresent(p -> problems.add(FieldProblem.error(FROM, p)));
            b.from(from);
        }
        if (replyTo != null && noReplyTo) {
            problems.add(FieldProblem.error(REPLY_TO, Problem.CHOICE_INVALID));
        } else if (replyTo != null) {
            GatewayValidator.replyTo(replyTo).ifPresent(p -> problems.add(FieldProblem.error(REPLY_TO, p)));
            b.replyTo(replyTo);
        } else if (noReplyTo) {
            b.replyTo(null);
        }
        if (displayName != null) b.displayName(displayName);
        if (connectTimeout != null) number(CONNECT_TIMEOUT, connectTimeout, GatewayValidator::timeout, problems).ifPresent(b::connectTimeoutSeconds);
        if (readTimeout != null) number(READ_TIMEOUT, readTimeout, GatewayValidator::timeout, problems).ifPresent(b::readTimeoutSeconds);
        if (maxPerMinute != null) number(MAX_PER_MINUTE, maxPerMinute, GatewayValidator::maxPerMinute, problems).ifPresent(b::maxPerMinute);
        if (maxRecipientsPerDay != null) {
            number(MAX_RECIPIENTS_PER_DAY, maxRecipientsPerDay, GatewayValidator::maxRecipientsPerDay, problems)
                    .ifPresent(b::maxRecipientsPerDay);
        }
        if (transport != null) choice(TRANSPORT, transport, Transport.class, problems).ifPresent(b::transport);
        if (graphUrl != null) {
            GatewayValidator.graphUrl(graphUrl).ifPresent(p -> problems.add(FieldProblem.error(GRAPH_URL, p)));
            b.graphUrl(graphUrl.isBlank() ? null : graphUrl.trim());
        }
        applyTrust(base, b, problems);
        applyOAuth(base, b, problems);
        ValidationException.throwIfErrors(problems);

        GatewayConfig draft = b.build();
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        if (passwordStdin) {
            char[] pw = readSecretLine(in, PASSWORD);
            try {
                b.password(pw.length == 0 ? null : service.sealPassword(draft.name(), pw));
            } finally {
                Arrays.fill(pw, '\0');
            }
        }
        if (oauthClientSecretStdin) {
            char[] secret = readSecretLine(in, OAUTH_CLIENT_SECRET);
            try {
                GatewayConfig.OAuthSettings o = b.build().oauth();
                b.oauth(new GatewayConfig.OAuthSettings(o.provider(), o.tenant(), o.clientId(),
                        secret.length == 0 ? null : service.sealSecret(draft.name(), OAUTH_CLIENT_SECRET, secret),
                        o.tokenUrl(), o.scope(), o.refreshToken()));
            } finally {
                Arrays.fill(secret, '\0');
            }
        }
        return b.build();
    }

    private static final String PRESET_FIELD = "preset";

    private void applyTrust(GatewayConfig base, GatewayConfig.Builder b, List<FieldProblem> problems) {
        Map<String, TrustedCertificate> certs = new LinkedHashMap<>();
        if (!clearTrustedCerts) {
            base.trustedCertificates().forEach(t -> certs.put(t.fingerprint(), t));
        }
        if (trustCerts != null) {
            for (Path file : trustCerts) {
                try {
                    for (TrustedCertificate t : TrustedCertificates.fromPem(Files.readString(file, StandardCharsets.US_ASCII))) {
                        certs.put(t.fingerprint(), t);
                    }
                } catch (IOException | ValidationException e) {
                    problems.add(FieldProblem.error("trust-cert", Problem.CERTIFICATE_INVALID));
                }
            }
        }
        b.trustedCertificates(new ArrayList<>(certs.values()));
    }

    private void applyOAuth(GatewayConfig base, GatewayConfig.Builder b, List<FieldProblem> problems) {
        if (oauthProvider == null && oauthTenant == null && oauthClientId == null && oauthTokenUrl == null && oauthScope == null) {
            return;
        }
        GatewayConfig.OAuthSettings o = base.oauth();
        OAuthProvider provider = o.provider();
        if (oauthProvider != null) {
            provider = choice(OAUTH_PROVIDER, oauthProvider, OAuthProvider.class, problems).orElse(provider);
        }
        if (oauthTokenUrl != null && !oauthTokenUrl.isBlank()) {
            Syntax.httpUrl(oauthTokenUrl).ifPresent(p -> problems.add(FieldProblem.error(OAUTH_TOKEN_URL, p)));
        }
        b.oauth(new GatewayConfig.OAuthSettings(provider,
                oauthTenant != null ? blankToNull(oauthTenant) : o.tenant(),
                oauthClientId != null ? blankToNull(oauthClientId) : o.clientId(), o.clientSecret(),
                oauthTokenUrl != null ? blankToNull(oauthTokenUrl) : o.tokenUrl(),
                oauthScope != null ? blankToNull(oauthScope) : o.scope(), o.refreshToken()));
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }

    private static char[] readSecretLine(BufferedReader in, String field) throws ValidationException {
        try {
            String line = in.readLine();
            if (line == null) {
                throw ValidationException.of(field, Problem.REQUIRED);
            }
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (Syntax.hasControlCharacters(line)) {
                throw ValidationException.of(field, Problem.CONTROL_CHARACTERS);
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw ValidationException.of(field, Problem.REQUIRED);
        }
    }

    private static <E extends Enum<E>> Optional<E> choice(String field, String text, Class<E> type, List<FieldProblem> problems) {
        try {
            return Optional.of(Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.error(field, Problem.CHOICE_INVALID));
            return Optional.empty();
        }
    }

    private static Optional<Integer> number(String field, String text,
                                            java.util.function.Function<String, Optional<Problem>> rule,
                                            List<FieldProblem> problems) {
        Optional<Problem> p = rule.apply(text);
        if (p.isPresent()) {
            problems.add(FieldProblem.error(field, p.get()));
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text.trim()));
    }
}
