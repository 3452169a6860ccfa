package io.cockpit.smtp.cli;

/** The line a saving command prints: the same version means nothing was written, else what was saved and its version. */
final class SavedLine {
    private SavedLine() {
    }

    static String of(long before, long after, String saved) {
        return after == before ? "Nothing changed." : saved + " (version " + after + ").";
    }
}
