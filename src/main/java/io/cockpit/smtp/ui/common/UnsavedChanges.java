package io.cockpit.smtp.ui.common;

/**
 * Implemented by a screen's controller when the screen holds edits: the main window asks before navigating away or
 * closing, and discards them when the user agrees.
 */
public interface UnsavedChanges {
    boolean hasUnsavedChanges();

    void discardChanges();
}
