package io.cockpit.smtp.core.oauth;

import java.util.Locale;

/**
 * Why a provider refused, as a code the screens and the CLI put into plain words. Microsoft's token endpoint names the
 * cause in an {@code AADSTS} number at the start of {@code error_description}; Google and others only in the OAuth
 * {@code error}. An SMTP server's refusal of a valid token (Microsoft's {@code 5.7.139}: SMTP AUTH disabled for the
 * mailbox or the tenant) is one too.
 */
public enum ProviderRefusal {
    /** An administrator has not consented to the application's permission (AADSTS65001, consent_required). */
    CONSENT_MISSING,
    /** The client secret has expired (AADSTS7000222): make a new one in the application registration. */
    SECRET_EXPIRED,
    /** The client secret is wrong (AADSTS7000215, invalid_client). */
    SECRET_INVALID,
    /** The scope is not one the provider knows for this grant (invalid_scope, AADSTS70011, AADSTS1002012). */
    SCOPE_INVALID,
    /** No such application, or not in this tenant (AADSTS700016, unauthorized_client). */
    CLIENT_UNKNOWN,
    /** No such tenant (AADSTS90002). */
    TENANT_UNKNOWN,
    /** The refresh token or code expired or was revoked (invalid_grant): authorize again. */
    GRANT_EXPIRED,
    /** The mail server refused the token because SMTP AUTH is disabled for the mailbox (535 5.7.139). */
    SMTP_AUTH_DISABLED,
    /** Anything else: the provider's own words say more. */
    OTHER;

    /** From a token endpoint's {@code error} and {@code error_description}. */
    public static ProviderRefusal of(String error, String description) {
        String d = description == null ? "" : description;
        if (d.startsWith("AADSTS65001") || d.startsWith("AADSTS650051") || "consent_required".equals(error)) {
            return CONSENT_MISSING;
        }
        if (d.startsWith("AADSTS7000222")) {
            return SECRET_EXPIRED;
        }
        if (d.startsWith("AADSTS7000215")) {
            return SECRET_INVALID;
        }
        if (d.startsWith("AADSTS70011") || d.startsWith("AADSTS1002012") || "invalid_scope".equals(error)) {
            return SCOPE_INVALID;
        }
        if (d.startsWith("AADSTS700016") || "unauthorized_client".equals(error)) {
            return CLIENT_UNKNOWN;
        }
        if (d.startsWith("AADSTS90002")) {
            return TENANT_UNKNOWN;
        }
        if ("invalid_client".equals(error)) {
            return SECRET_INVALID;
        }
        if ("invalid_grant".equals(error)) {
            return GRANT_EXPIRED;
        }
        return OTHER;
    }

    /** From an SMTP server's refusal of the authentication, or null when it says nothing more than "refused". */
    public static ProviderRefusal ofSmtpReply(String reply) {
        return reply != null && reply.matches("(?s)^5\\d\\d[ -]5\\.7\\.139\\b.*") ? SMTP_AUTH_DISABLED : null;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
