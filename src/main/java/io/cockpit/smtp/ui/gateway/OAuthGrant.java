package io.cockpit.smtp.ui.gateway;

/**
 * How the console gets its OAuth 2.0 tokens: as an application registered with the provider (client credentials, a
 * client secret; what Microsoft Graph takes), or for a delegated mailbox (authorization code with PKCE in the system
 * browser, a refresh token stored). Not stored as such: a gateway with a refresh token is delegated.
 */
public enum OAuthGrant {
    APPLICATION, DELEGATED
}
