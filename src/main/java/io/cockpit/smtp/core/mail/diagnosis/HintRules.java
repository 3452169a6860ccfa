package io.cockpit.smtp.core.mail.diagnosis;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.Security;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** From a failure and what the server showed of itself, the advice worth giving. */
final class HintRules {
    private static final Pattern POLICY = Pattern.compile("^5\\d\\d[ -]5\\.7\\.\\d+.*");

    private HintRules() {
    }

    /**
     * @param speaksImplicitTls the implicit-TLS probe's answer after a silent greeting; null when not probed
     * @param failedReply the server's reply to the failed command, or null
     */
    static List<Hint> hints(GatewayConfig g, Step failedStep, Failure failure, Capabilities caps, TlsReport tls,
                            Boolean speaksImplicitTls, String failedReply) {
        Set<Hint> out = new LinkedHashSet<>();
        if (failure != null) {
            switch (failure) {
                case NAME_NOT_RESOLVED -> out.add(Hint.NAME_NOT_RESOLVED);
                case CONNECTION_REFUSED -> out.add(Hint.CONNECTION_REFUSED);
                case CONNECT_TIMEOUT, NETWORK_UNREACHABLE -> out.add(Hint.SERVER_SILENT);
                case SERVER_SILENT -> out.add(Boolean.TRUE.equals(speaksImplicitTls)
                        ? Hint.STARTTLS_ON_SSL_PORT : Hint.SERVER_SILENT);
                case TLS_NOT_SPOKEN -> out.add(g.security() == Security.SSL
                        ? Hint.SSL_ON_STARTTLS_PORT : Hint.STARTTLS_ON_SSL_PORT);
                case STARTTLS_NOT_OFFERED -> out.add(Hint.STARTTLS_NOT_OFFERED);
                case CERT_UNTRUSTED -> out.add(Hint.CERT_UNTRUSTED);
                case CERT_EXPIRED -> out.add(Hint.CERT_EXPIRED);
                case CERT_NAME_MISMATCH -> out.add(Hint.CERT_NAME_MISMATCH);
                case AUTH_NOT_OFFERED -> out.add(Hint.AUTH_NOT_OFFERED);
                case AUTH_REJECTED -> out.add(providerAuthHint(g, failedReply));
                case SECRET_UNAVAILABLE -> out.add(Hint.SECRET_UNAVAILABLE);
                case PERMISSION_MISSING -> out.add(Hint.GRAPH_PERMISSION_MISSING);
                case THROTTLED -> out.add(Hint.GRAPH_THROTTLED);
                case SENDER_REFUSED, RECIPIENT_REFUSED -> {
                    if (failedReply != null && POLICY.matcher(failedReply).matches()) {
                        out.add(Hint.SENDER_OR_RELAY_REFUSED);
                    }
                }
                default -> {
                    // no plain-words advice beyond the failure itself
                }
            }
        }
        // A refused certificate may be refused for several reasons at once: name each.
        if (tls != null && tls.leaf() != null && (failedStep == Step.TLS || !tls.trusted())) {
            if (!tls.hostMatches()) {
                out.add(Hint.CERT_NAME_MISMATCH);
            }
            if (tls.leaf().expiredAt(Instant.now())) {
                out.add(Hint.CERT_EXPIRED);
            }
        }
        if (g.security() == Security.NONE && caps.startTls()) {
            out.add(Hint.STARTTLS_AVAILABLE);
        }
        if (g.security() == Security.NONE && g.auth() != Authentication.NONE) {
            out.add(Hint.AUTH_IN_CLEAR);
        }
        return new ArrayList<>(out);
    }

    /**
     * What a refused authentication means with the providers that turn SMTP AUTH off: Microsoft's 5.7.139 and 5.7.3
     * (with a token, or saying SmtpClientAuthentication is disabled: SMTP cannot work there, use Graph; with a
     * password: basic authentication is off, use OAuth 2.0), Google's 5.7.9 and 5.7.14 (use OAuth 2.0).
     */
    static Hint providerAuthHint(GatewayConfig g, String reply) {
        String status = enhancedStatus(reply);
        if ("5.7.139".equals(status) || "5.7.3".equals(status)) {
            boolean smtpOff = reply.toLowerCase(java.util.Locale.ROOT).contains("smtpclientauthentication is disabled");
            return smtpOff || g.auth() == Authentication.OAUTH2 ? Hint.SMTP_AUTH_DISABLED : Hint.BASIC_AUTH_DISABLED;
        }
        if ("5.7.9".equals(status) || "5.7.14".equals(status)) {
            return Hint.GOOGLE_NEEDS_OAUTH;
        }
        return Hint.CREDENTIALS_REFUSED;
    }

    /** The enhanced status code of a reply ("5.7.1"), or null. */
    static String enhancedStatus(String reply) {
        if (reply == null) {
            return null;
        }
        Matcher m = Pattern.compile("^\\d{3}[ -](\\d\\.\\d{1,3}\\.\\d{1,3})").matcher(reply);
        return m.find() ? m.group(1) : null;
    }
}
