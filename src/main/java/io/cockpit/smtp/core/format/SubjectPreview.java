package io.cockpit.smtp.core.format;

import io.cockpit.smtp.core.template.Template;
import io.cockpit.smtp.core.template.TemplateProblem;
import java.util.List;

/**
 * A subject as it would be sent for a language, with where its template came from and what is wrong with it.
 *
 * @param template the parse result the subject was rendered from (the editor highlights from the same one)
 * @param problems syntax errors (errors), unknown variables and missing values (warnings), in text order
 */
public record SubjectPreview(String subject, ResolvedTemplate resolved, Template template, List<TemplateProblem> problems) {
    public String language() {
        return resolved.language();
    }

    public String fallbackFrom() {
        return resolved.fallbackFrom();
    }

    public boolean hasSyntaxErrors() {
        return template.hasSyntaxErrors();
    }
}
