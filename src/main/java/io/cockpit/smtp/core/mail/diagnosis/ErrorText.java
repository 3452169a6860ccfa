package io.cockpit.smtp.core.mail.diagnosis;

/** An exception's own text in a few words, for the transcript and as a technical fact in a step's details. */
final class ErrorText {
    private ErrorText() {
    }

    /** The messages down the cause chain, never a stack trace; messages from Angus and the JDK hold no secret. */
    static String of(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = e; c != null && sb.length() < 400; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            String part = (m == null || m.isBlank() ? c.getClass().getSimpleName() : m.strip()).replaceAll("\\s+", " ");
            if (sb.indexOf(part) < 0) {
                sb.append(sb.length() == 0 ? "" : ": ").append(part);
            }
        }
        return sb.toString();
    }

    /** The {@link Detail.Code#ERROR} fact: what the exception means, and its text. */
    static Detail detail(Failure meaning, Throwable e) {
        return Detail.of(Detail.Code.ERROR, meaning, of(e));
    }
}
