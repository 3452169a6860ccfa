package io.cockpit.smtp.core.mail.diagnosis;

import java.util.List;
import java.util.Objects;

/**
 * One fact about a step, as a code and its values; never words. The values are technical facts shown as they are
 * (addresses, ports, SMTP commands and replies, protocol and cipher names, certificate names and fingerprints), dates
 * ({@link java.time.Instant}), lists of such facts, codes the screens and the CLI also put into words
 * ({@link Failure}, {@link io.cockpit.smtp.core.gateway.Authentication},
 * {@link io.cockpit.smtp.core.oauth.OAuthException.Reason}), or a nested {@code Detail}. A step's details are read
 * one after another.
 */
public record Detail(Detail.Code code, List<Object> args) {
    public enum Code {
        /** The name resolved: the addresses ({@code List<String>}). */
        RESOLVED,
        /** The name service did not answer within the connect timeout: the seconds waited. */
        RESOLVE_TIMEOUT,
        /** The name service does not know the host: the host. */
        UNKNOWN_HOST,
        /** The user stopped the run here. */
        CANCELLED,
        /** A TCP connection was opened: address, port. */
        CONNECTED,
        /** A TCP connection failed: address, port, why (a {@code Detail}). */
        CONNECT_FAILED,
        /** An exception: what it means ({@link Failure}), then its own text (from the JDK or Angus). */
        ERROR,
        /** The server's greeting line. */
        GREETING,
        /** The server sent no greeting. */
        NO_GREETING,
        /** What EHLO answered (a {@code Detail}: extensions, none, or no reply). */
        EHLO,
        /** What EHLO answered once TLS was on (a {@code Detail}). */
        EHLO_AFTER_TLS,
        /** The extensions worth showing, as the server names them ({@code List<String>}). */
        EXTENSIONS,
        /** The server advertised no extension worth showing. */
        NO_EXTENSIONS,
        /** No reply came. */
        NO_REPLY,
        /** TLS is on: protocol, cipher suite. */
        TLS_SESSION,
        /** The TLS handshake failed: why (a {@code Detail}). */
        HANDSHAKE_FAILED,
        /** The server's certificate: subject, issuer, valid from, valid until ({@code Instant}), fingerprint. */
        CERTIFICATE,
        /** The certificate names the configured server: the host. */
        HOST_MATCHES,
        /** The certificate does not name the configured server: the host. */
        HOST_MISMATCH,
        /** The configured authentication is not offered: the configured kind, what is offered (a {@code Detail}). */
        AUTH_NOT_OFFERED,
        /** The AUTH mechanisms the server offers ({@code List<String>}). */
        MECHANISMS,
        /** The server offers no AUTH mechanism. */
        NO_MECHANISM,
        /** Authentication with a mechanism: the mechanism, the outcome (a {@code Detail}). */
        AUTH,
        /** The server accepted the credentials without a reply of its own in the transcript. */
        AUTH_ACCEPTED,
        /** A server reply (a line, or a {@code List<String>} of lines). */
        SERVER_REPLY,
        /** A command (a line, or a {@code List<String>} of lines) and what came back (a {@code Detail}). */
        EXCHANGE,
        /** The server's reply once the message content was sent. */
        MESSAGE_REPLY,
        /** An address needs SMTPUTF8 (non-ASCII before the @) and the server does not offer it: the address. */
        SMTPUTF8_NOT_OFFERED,
        /** The test email could not be built: the exception's text. */
        MESSAGE_NOT_BUILT,
        /** The stored secret cannot be decrypted: what it is (its store context), why (the store's words). */
        SECRET_UNAVAILABLE,
        /** No OAuth 2.0 access token: the reason ({@link io.cockpit.smtp.core.oauth.OAuthException.Reason}), the
         *  message of the token service. */
        OAUTH_TOKEN_UNAVAILABLE,
        /** The user stopped the run while the OAuth 2.0 token was being obtained. */
        CANCELLED_DURING_TOKEN,
        /** An access token was obtained: valid until ({@code Instant}); the token itself is never a detail. */
        TOKEN_OBTAINED,
        /** The application permissions the token carries ({@code List<String>}). */
        ROLES,
        /** The token does not say its permissions: they are known only once a message is sent. */
        NO_ROLES,
        /** What Microsoft Graph answered: the status and its reason ("HTTP 202", "HTTP 403 ErrorAccessDenied: ..."). */
        HTTP_REPLY
    }

    public Detail {
        Objects.requireNonNull(code);
        args = List.copyOf(args);
    }

    public static Detail of(Code code, Object... args) {
        return new Detail(code, List.of(args));
    }

    public Object arg(int index) {
        return args.get(index);
    }
}
