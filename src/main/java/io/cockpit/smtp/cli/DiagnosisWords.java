package io.cockpit.smtp.cli;

import io.cockpit.smtp.core.mail.diagnosis.Failure;
import io.cockpit.smtp.core.mail.diagnosis.Hint;
import io.cockpit.smtp.core.mail.diagnosis.Step;

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
            case SENDER_REFUSED -> "the sender was refused";
            case RECIPIENT_REFUSED -> "the recipient was refused";
            case MESSAGE_REFUSED -> "the message was refused";
            case CONNECTION_LOST -> "the server closed the connection";
            case PROTOCOL_ERROR -> "unexpected answer from the server";
            case CANCELLED -> "cancelled";
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
        };
    }
}
