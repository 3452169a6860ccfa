package io.cockpit.smtp.core.mail.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A refused authentication says which of OAuth 2.0 or Microsoft Graph to switch to, from the provider's reply. */
class ProviderHintTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "OAUTH2   | 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. | SMTP_AUTH_DISABLED",
            "PASSWORD | 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.  | SMTP_AUTH_DISABLED",
            "PASSWORD | 535 5.7.139 Authentication unsuccessful, basic authentication is disabled.                     | BASIC_AUTH_DISABLED",
            "PASSWORD | 535 5.7.3 Authentication unsuccessful                                                            | BASIC_AUTH_DISABLED",
            "OAUTH2   | 535 5.7.3 Authentication unsuccessful                                                            | SMTP_AUTH_DISABLED",
            "PASSWORD | 534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor                                 | GOOGLE_NEEDS_OAUTH",
            "PASSWORD | 534 5.7.14 Please log in with your web browser and then try again.                              | GOOGLE_NEEDS_OAUTH",
            "PASSWORD | 535 5.7.8 Error: authentication failed                                                           | CREDENTIALS_REFUSED"})
    void theRefusalPointsTheWay(Authentication auth, String reply, Hint expected) {
        GatewayConfig g = GatewayConfig.defaults("portal").toBuilder().auth(auth).build();
        assertEquals(expected, HintRules.providerAuthHint(g, reply));
    }
}
