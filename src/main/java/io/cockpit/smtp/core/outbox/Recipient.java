package io.cockpit.smtp.core.outbox;

/** A recipient of a stored message and its outcome ({@code reply}: the server's words, when it said something). */
public record Recipient(int position, String address, RecipientStatus status, String reply) {
}
