package io.cockpit.smtp.core.gateway;

import static io.cockpit.smtp.core.gateway.GatewayField.*;

import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.Syntax;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's rules, in one place for the screen (as the user types) and the CLI (before anything is saved).
 * The per-field methods take the text as typed; {@link #validate} checks a whole record, cross-field rules included.
 */
public final class GatewayValidator {
    public static final int MIN_TIMEOUT = 1;
    public static final int MAX_TIMEOUT = 600;
    public static final int MAX_RATE = 100_000;
    public static final int MAX_DAILY_RECIPIENTS = 10_000_000;

    private GatewayValidator() {
    }

    public static Optional<Problem> server(String text, boolean required) {
        if (Syntax.isBlank(text)) {
            return required ? Optional.of(Problem.SERVER_REQUIRED_WHEN_ACTIVE) : Optional.empty();
        }
        return Syntax.host(text);
    }

    public static Optional<Problem> port(String text) {
        Optional<Integer> n = Syntax.parseInt(text);
        if (n.isEmpty()) {
            return Optional.of(Syntax.isBlank(text) ? Problem.REQUIRED : Problem.PORT_RANGE);
        }
        return port(n.get());
    }

    public static Optional<Problem> port(int port) {
        return port >= 1 && port <= 65535 ? Optional.empty() : Optional.of(Problem.PORT_RANGE);
    }

    public static Optional<Problem> helo(String text) {
        return Syntax.isBlank(text) ? Optional.empty() : Syntax.host(text);
    }

    public static Optional<Problem> username(String text, Authentication auth) {
        if (Syntax.isBlank(text)) {
            return auth == Authentication.PASSWORD ? Optional.of(Problem.USERNAME_REQUIRED) : Optional.empty();
        }
        return Syntax.singleLine(text, 320);
    }

    public static Optional<Problem> from(String text, boolean required) {
        if (Syntax.isBlank(text)) {
            return required ? Optional.of(Problem.FROM_REQUIRED_WHEN_ACTIVE) : Optional.empty();
        }
        return Syntax.address(text);
    }

    public static Optional<Problem> replyTo(String text) {
        return Syntax.isBlank(text) ? Optional.empty() : Syntax.address(text);
    }

    public static Optional<Problem> displayName(String text) {
        return Syntax.singleLine(text, 255);
    }

    public static Optional<Problem> timeout(String text) {
        Optional<Integer> n = Syntax.parseInt(text);
        return n.isEmpty() ? Optional.of(Problem.TIMEOUT_RANGE) : timeout(n.get());
    }

    public static Optional<Problem> timeout(int seconds) {
        return seconds >= MIN_TIMEOUT && seconds <= MAX_TIMEOUT ? Optional.empty() : Optional.of(Problem.TIMEOUT_RANGE);
    }

    public static Optional<Problem> maxPerMinute(String text) {
        Optional<Integer> n = Syntax.parseInt(text);
        return n.isEmpty() ? Optional.of(Problem.RATE_RANGE) : maxPerMinute(n.get());
    }

    public static Optional<Problem> maxPerMinute(int n) {
        return n >= 0 && n <= MAX_RATE ? Optional.empty() : Optional.of(Problem.RATE_RANGE);
    }

    public static Optional<Problem> maxRecipientsPerDay(String text) {
        Optional<Integer> n = Syntax.parseInt(text);
        return n.isEmpty() ? Optional.of(Problem.DAILY_RANGE) : maxRecipientsPerDay(n.get());
    }

    public static Optional<Problem> maxRecipientsPerDay(int n) {
        return n >= 0 && n <= MAX_DAILY_RECIPIENTS ? Optional.empty() : Optional.of(Problem.DAILY_RANGE);
    }

    /** Graph is reached over HTTPS only: the bearer token never travels in clear, not even on this machine. */
    public static Optional<Problem> graphUrl(String text) {
        if (Syntax.isBlank(text)) {
            return Optional.empty();
        }
        Optional<Problem> p = Syntax.httpUrl(text);
        if (p.isPresent()) {
            return p;
        }
        return text.trim().regionMatches(true, 0, "https://", 0, 8) ? Optional.empty() : Optional.of(Problem.HTTPS_REQUIRED);
    }

    public static Optional<Problem> engine(String name, Collection<String> registered) {
        if (Syntax.isBlank(name)) {
            return Optional.of(Problem.REQUIRED);
        }
        return registered.contains(name) ? Optional.empty() : Optional.of(Problem.ENGINE_UNKNOWN);
    }

    /** Everything wrong with a whole configuration: errors block a save, warnings do not. */
    public static List<FieldProblem> validate(GatewayConfig c, Collection<String> registeredEngines) {
        List<FieldProblem> out = new ArrayList<>();
        boolean active = c.isActive();
        if (c.status() == null) {
            out.add(FieldProblem.error(STATUS, Problem.REQUIRED));
        }
        if (c.security() == null) {
            out.add(FieldProblem.error(SECURITY, Problem.REQUIRED));
        }
        if (c.auth() == null) {
            out.add(FieldProblem.error(AUTH, Problem.REQUIRED));
        }
        engine(c.engine(), registeredEngines).ifPresent(p -> out.add(FieldProblem.error(ENGINE, p)));
        boolean graph = c.transport() == Transport.GRAPH;
        // Graph needs no SMTP server: the message goes to the Graph endpoint.
        server(c.server(), active && !graph).ifPresent(p -> out.add(FieldProblem.error(SERVER, p)));
        port(c.port()).ifPresent(p -> out.add(FieldProblem.error(PORT, p)));
        helo(c.helo()).ifPresent(p -> out.add(FieldProblem.error(HELO, p)));
        from(c.from(), active).ifPresent(p -> out.add(FieldProblem.error(FROM, p)));
        replyTo(c.replyTo()).ifPresent(p -> out.add(FieldProblem.error(REPLY_TO, p)));
        displayName(c.displayName()).ifPresent(p -> out.add(FieldProblem.error(DISPLAY_NAME, p)));
        timeout(c.connectTimeoutSeconds()).ifPresent(p -> out.add(FieldProblem.error(CONNECT_TIMEOUT, p)));
        timeout(c.readTimeoutSeconds()).ifPresent(p -> out.add(FieldProblem.error(READ_TIMEOUT, p)));
        maxPerMinute(c.maxPerMinute()).ifPresent(p -> out.add(FieldProblem.error(MAX_PER_MINUTE, p)));
        maxRecipientsPerDay(c.maxRecipientsPerDay()).ifPresent(p -> out.add(FieldProblem.error(MAX_RECIPIENTS_PER_DAY, p)));
        graphUrl(c.graphUrl()).ifPresent(p -> out.add(FieldProblem.error(GRAPH_URL, p)));
        if (graph) {
            validateGraph(c, out);
        }
        if (c.auth() == Authentication.PASSWORD) {
            username(c.username(), c.auth()).ifPresent(p -> out.add(FieldProblem.error(USERNAME, p)));
            if (active && !c.passwordSet()) {
                out.add(FieldProblem.error(PASSWORD, Problem.PASSWORD_REQUIRED));
            }
            if (c.security() == Security.NONE) {
                out.add(FieldProblem.warning(PASSWORD, Problem.PASSWORD_IN_CLEAR));
            }
        } else {
            Syntax.singleLine(c.username(), 320).ifPresent(p -> out.add(FieldProblem.error(USERNAME, p)));
        }
        if (c.auth() == Authentication.OAUTH2) {
            validateOAuth(c, out);
        }
        return out;
    }

    /**
     * Graph sends as the mailbox with the application token of a Microsoft OAuth client (client credentials): the
     * transport needs OAuth 2.0 with the Microsoft provider, the mailbox, and to be active, the client secret.
     */
    private static void validateGraph(GatewayConfig c, List<FieldProblem> out) {
        if (c.auth() != Authentication.OAUTH2) {
            out.add(FieldProblem.error(TRANSPORT, Problem.GRAPH_NEEDS_OAUTH));
            return;
        }
        if (c.oauth().provider() != null && c.oauth().provider() != OAuthProvider.MICROSOFT) {
            out.add(FieldProblem.error(OAUTH_PROVIDER, Problem.GRAPH_NEEDS_MICROSOFT));
        }
        if (c.isActive() && c.oauth().clientSecret() == null) {
            out.add(FieldProblem.error(OAUTH_CLIENT_SECRET, Problem.CLIENT_SECRET_REQUIRED));
        }
    }

    private static void validateOAuth(GatewayConfig c, List<FieldProblem> out) {
        GatewayConfig.OAuthSettings o = c.oauth();
        if (o.provider() == null) {
            out.add(FieldProblem.error(OAUTH_PROVIDER, Problem.OAUTH_FIELD_REQUIRED));
        }
        if (Syntax.isBlank(c.username())) {
            out.add(FieldProblem.error(USERNAME, Problem.USERNAME_REQUIRED));
        }
        if (Syntax.isBlank(o.clientId())) {
            out.add(FieldProblem.error(OAUTH_CLIENT_ID, Problem.OAUTH_FIELD_REQUIRED));
        } else {
            Syntax.singleLine(o.clientId(), 255).ifPresent(p -> out.add(FieldProblem.error(OAUTH_CLIENT_ID, p)));
        }
        Syntax.singleLine(o.tenant(), 255).ifPresent(p -> out.add(FieldProblem.error(OAUTH_TENANT, p)));
        Syntax.singleLine(o.scope(), 1024).ifPresent(p -> out.add(FieldProblem.error(OAUTH_SCOPE, p)));
        if (o.provider() == OAuthProvider.CUSTOM && Syntax.isBlank(o.tokenUrl())) {
            out.add(FieldProblem.error(OAUTH_TOKEN_URL, Problem.OAUTH_FIELD_REQUIRED));
        }
        if (!Syntax.isBlank(o.tokenUrl())) {
            Syntax.httpUrl(o.tokenUrl()).ifPresent(p -> out.add(FieldProblem.error(OAUTH_TOKEN_URL, p)));
        }
        if (c.security() == Security.NONE && c.transport() == Transport.SMTP) {
            out.add(FieldProblem.warning(PASSWORD, Problem.PASSWORD_IN_CLEAR));
        }
    }
}
