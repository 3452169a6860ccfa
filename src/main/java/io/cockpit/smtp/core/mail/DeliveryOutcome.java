package io.cockpit.smtp.core.mail;

import java.util.Map;

/**
 * What the server did with one message.
 *
 * @param recipients each envelope address's outcome
 * @param reply the server's last reply or the cause, for the message's last error
 * @param connectionLost the connection cannot carry another message (reconnect before the next)
 */
public record DeliveryOutcome(Map<String, AddressOutcome> recipients, String reply, boolean connectionLost) {
    public DeliveryOutcome {
        recipients = Map.copyOf(recipients);
    }

    /** One address: accepted, refused for now (4xx, connection lost, timeout) or refused for good (5xx). */
    public enum Kind { ACCEPTED, TEMPORARY, PERMANENT }

    public record AddressOutcome(Kind kind, String reply) {
    }
}
