package io.cockpit.smtp.core.format;

/**
 * A sample of a whole report-notification email, for the preview pane.
 *
 * @param from the sender as the gateway sends it ("Service desk &lt;itsm@example.com&gt;"), or null when not set
 */
public record SampleEmail(String from, String subject, String body) {
}
