package io.cockpit.smtp.cli;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.mail.diagnosis.Detail;
import io.cockpit.smtp.core.mail.diagnosis.Failure;
import io.cockpit.smtp.core.mail.diagnosis.Hint;
import io.cockpit.smtp.core.mail.diagnosis.Step;
import io.cockpit.smtp.core.mail.diagnosis.StepResult;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The CLI's English words for the diagnosis codes (the console's are in its bundles). */
final class DiagnosisWords {
    private DiagnosisWords() {
    }

    static String step(Step s) {
        return switch (s) {
            case RESOLVE -> "name resolution";
            case CONNECT -> "connection";
            case TLS -> "TLS";
            case GREETING -> "greeting and capabilities";
            case AUTH -> "authentication";
            case MAIL_FROM -> "sender (MAIL FROM)";
            case RCPT_TO -> "recipient (RCPT TO)";
            case DATA -> "message (DATA)";
            case TOKEN -> "access token";
            case PERMISSION -> "permission (Mail.Send)";
            case SEND -> "sending (Graph sendMail)";
        };
    }

    static String failure(Failure f) {
        return switch (f) {
            case NAME_NOT_RESOLVED -> "the server name was not found";
            case CONNECTION_REFUSED -> "the connection was refused";
            case CONNECT_TIMEOUT -> "no answer to the connection (timeout)";
            case NETWORK_UNREACHABLE -> "the network or host is unreachable";
            case SERVER_SILENT -> "the server did not answer in time";
            case GREETING_REFUSED -> "the server refused the session";
            case TLS_NOT_SPOKEN -> "the server does not speak TLS on this port";
            case STARTTLS_NOT_OFFERED -> "the server does not offer STARTTLS";
            case CERT_UNTRUSTED -> "the certificate is not trusted";
            case CERT_EXPIRED -> "the certificate has expired or is not valid yet";
            case CERT_NAME_MISMATCH -> "the certificate is issued for another name";
            case TLS_HANDSHAKE_FAILED -> "the TLS handshake failed";
            case AUTH_NOT_OFFERED -> "the configured authentication is not offered";
            case AUTH_REJECTED -> "the credentials were refused";
            case SECRET_UNAVAILABLE -> "the stored password cannot be decrypted";
            case OAUTH_TOKEN_UNAVAILABLE -> "no OAuth 2.0 access token yet";
            case SMTPUTF8_NOT_OFFERED -> "an address needs SMTPUTF8, which the server does not offer";
            case SENDER_REFUSED -> "the sender was refused";
            case RECIPIENT_REFUSED -> "the recipient was refused";
            case MESSAGE_REFUSED -> "the message was refused";
            case CONNECTION_LOST -> "the server closed the connection";
            case PROTOCOL_ERROR -> "unexpected answer from the server";
            case CANCELLED -> "cancelled";
            case PERMISSION_MISSING -> "the application lacks the Mail.Send permission";
            case TOKEN_REJECTED -> "Microsoft Graph refused the token";
            case THROTTLED -> "Microsoft Graph asks to wait (throttled)";
            case HTTP_ERROR -> "Microsoft Graph refused the message";
        };
    }

    static String hint(Hint h) {
        return switch (h) {
            case SSL_ON_STARTTLS_PORT -> "The server speaks plain SMTP on this port and expects STARTTLS: choose "
                    + "--security starttls, or the SSL port (usually 465).";
            case STARTTLS_ON_SSL_PORT -> "This port expects TLS from the first byte (SSL, usually port 465): choose "
                    + "--security ssl, or the STARTTLS port (usually 587).";
            case STARTTLS_NOT_OFFERED -> "The server does not offer STARTTLS on this port, so the session was stopped "
                    + "rather than go on unencrypted. Check the port (587 usually offers it) or ask the mail "
                    + "administrator to enable TLS.";
            case CERT_UNTRUSTED -> "The server's certificate is not signed by an authority this computer trusts "
                    + "(self-signed or private CA). If the fingerprint below is your server's, trust that certificate: "
                    + "gateway check --save-cert server.pem, then gateway set --trust-cert server.pem.";
            case CERT_EXPIRED -> "The server's certificate has expired (or is not valid yet): the mail administrator "
                    + "must renew it.";
            case CERT_NAME_MISMATCH -> "The certificate is issued for another name than the configured server: use a "
                    + "name the certificate lists, not an alias or an IP address.";
            case AUTH_NOT_OFFERED -> "The server does not offer the configured authentication here. Many servers offer "
                    + "AUTH only after STARTTLS or on the submission port 587; or choose --auth none if the server "
                    + "accepts mail from this host without it.";
            case CREDENTIALS_REFUSED -> "The server refused the user name or password (535). Check both; with "
                    + "Microsoft 365 or Gmail, SMTP AUTH may be disabled for the mailbox or an app password needed.";
            case SENDER_OR_RELAY_REFUSED -> "The server refused by policy (5.7.x): the account may not send as this "
                    + "From address, or relaying to this recipient is not allowed for this connection "
                    + "(authenticate, or ask for this host to be allowed).";
            case SERVER_SILENT -> "The server did not answer in time: a firewall may be dropping the traffic, or the "
                    + "port is wrong.";
            case NAME_NOT_RESOLVED -> "The server name could not be resolved: check its spelling and this computer's "
                    + "DNS.";
            case CONNECTION_REFUSED -> "Nothing accepts connections on this port: check the port and that the mail "
                    + "service is running.";
            case SECRET_UNAVAILABLE -> "The stored password cannot be decrypted (key file missing or changed): enter "
                    + "it again with gateway set --password-stdin.";
            case STARTTLS_AVAILABLE -> "The server offers STARTTLS: choose --security starttls so that mail and "
                    + "credentials travel encrypted.";
            case AUTH_IN_CLEAR -> "With security none the password travels unencrypted: choose --security ssl or "
                    + "starttls.";
            case SMTP_AUTH_DISABLED -> "Microsoft 365 has SMTP AUTH disabled for this mailbox or tenant, so no SMTP "
                    + "configuration can work: send through Microsoft Graph (gateway set --transport graph, with the "
                    + "Microsoft OAuth client and the Mail.Send application permission), or have SMTP AUTH enabled.";
            case BASIC_AUTH_DISABLED -> "Microsoft 365 no longer takes a password here (basic authentication is off): "
                    + "switch to OAuth 2.0 (gateway set --auth oauth2 --oauth-provider microsoft ...), or to Microsoft "
                    + "Graph if SMTP AUTH is disabled altogether.";
            case GOOGLE_NEEDS_OAUTH -> "Google refuses the password (application password or browser sign-in "
                    + "required): switch to OAuth 2.0 (gateway set --auth oauth2 --oauth-provider google ...).";
            case GRAPH_PERMISSION_MISSING -> "The application needs the Mail.Send application permission on Microsoft "
                    + "Graph, with an administrator's consent (and the mailbox within its access policy).";
            case GRAPH_THROTTLED -> "Microsoft Graph is throttling this mailbox: messages wait as long as it asks "
                    + "(Retry-After) and are sent afterwards; nothing to change.";
        };
    }

    /** A step's details, one after another: "127.0.0.1 port 1: Connection refused". */
    static String details(StepResult s) {
        return s.details().stream().map(DiagnosisWords::detail).collect(Collectors.joining("; "));
    }

    /** Technical values as they are; an error by its own text (the JDK's or Angus's), dates as ISO-8601. */
    static String detail(Detail d) {
        return switch (d.code()) {
            case RESOLVED, EXTENSIONS, GREETING, SERVER_REPLY -> text(d.arg(0));
            case RESOLVE_TIMEOUT -> "no answer from the name service within " + d.arg(0) + " s";
            case UNKNOWN_HOST -> "unknown host " + d.arg(0);
            case CANCELLED -> "cancelled";
            case CONNECTED -> d.arg(0) + " port " + d.arg(1) + ": connected";
            case CONNECT_FAILED -> d.arg(0) + " port " + d.arg(1) + ": " + text(d.arg(2));
            case ERROR -> text(d.arg(1));
            case NO_GREETING -> "no greeting";
            case EHLO -> "EHLO: " + text(d.arg(0));
            case EHLO_AFTER_TLS -> "EHLO after TLS: " + text(d.arg(0));
            case NO_EXTENSIONS -> "no extensions";
            case NO_REPLY -> "no reply";
            case TLS_SESSION -> d.arg(0) + ", " + d.arg(1);
            case HANDSHAKE_FAILED -> "handshake failed: " + text(d.arg(0));
            case CERTIFICATE -> "certificate " + d.arg(0) + ", issued by " + d.arg(1) + ", valid " + d.arg(2) + " to "
                    + d.arg(3) + ", " + d.arg(4);
            case HOST_MATCHES -> "host name matches " + d.arg(0);
            case HOST_MISMATCH -> "host name does not match " + d.arg(0);
            case AUTH_NOT_OFFERED -> "configured " + ((Authentication) d.arg(0)).name().toLowerCase(Locale.ROOT)
                    + " authentication not offered (AUTH: " + text(d.arg(1)) + ")";
            case MECHANISMS -> String.join(" ", strings(d.arg(0)));
            case NO_MECHANISM -> "none";
            case AUTH -> d.arg(0) + ": " + text(d.arg(1));
            case AUTH_ACCEPTED -> "accepted";
            case EXCHANGE -> text(d.arg(0)) + " → " + text(d.arg(1));
            case MESSAGE_REPLY -> "message → " + d.arg(0);
            case MESSAGE_NOT_BUILT -> String.valueOf(d.arg(0));
            case SMTPUTF8_NOT_OFFERED -> d.arg(0) + " has non-ASCII characters before the @ and the server does not"
                    + " offer SMTPUTF8: nothing was sent (sent otherwise, it could reach another mailbox)";
            case SECRET_UNAVAILABLE -> "The stored secret (" + d.arg(0) + ") cannot be decrypted: " + d.arg(1)
                    + ". Enter it again.";
            case OAUTH_TOKEN_UNAVAILABLE -> "OAuth 2.0: " + d.arg(1);
            case CANCELLED_DURING_TOKEN -> "cancelled while obtaining the OAuth 2.0 token";
            case TOKEN_OBTAINED -> "token obtained, valid until " + d.arg(0);
            case ROLES -> "application permissions: " + text(d.arg(0));
            case NO_ROLES -> "the token does not list its permissions: known once a message is sent";
            case HTTP_REPLY -> String.valueOf(d.arg(0));
        };
    }

    /** A nested fact in its words, lines joined by ", ", anything else as it is. */
    private static String text(Object value) {
        if (value instanceof Detail d) {
            return detail(d);
        }
        if (value instanceof List<?> l) {
            return String.join(", ", strings(l));
        }
        return String.valueOf(value);
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
