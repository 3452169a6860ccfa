package io.cockpit.smtp.core.format;

import io.cockpit.smtp.core.access.Access;
import io.cockpit.smtp.core.access.Caller;
import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.core.history.Author;
import io.cockpit.smtp.core.history.ChangeLog;
import io.cockpit.smtp.core.history.ChangeSource;
import io.cockpit.smtp.core.store.ConflictException;
import io.cockpit.smtp.core.template.ReportCatalogue;
import io.cockpit.smtp.core.template.Template;
import io.cockpit.smtp.core.template.TemplateProblem;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.Syntax;
import io.cockpit.smtp.core.validation.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The email format: loading, checking, saving, and rendering report subjects. The one service behind the
 * Format des emails screen, the {@code format} and {@code template} commands and the sender, so a preview is
 * rendered by the very code that sends.
 */
public final class FormatService {
    private static final Logger LOG = LoggerFactory.getLogger(FormatService.class);
    public static final int MAX_TEMPLATE_LENGTH = 2000;

    private final EmailFormatRepository repository;
    private final Access access;
    private final ReportCatalogue catalogue = ReportCatalogue.get();
    /** Parse results by text: the sender and the unchanged tabs of the screen render a template without re-reading it. */
    private final Map<String, Template> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param access who saves, and whether their role allows it (previews are for everyone) */
    public FormatService(EmailFormatRepository repository, Access access) {
        this.repository = repository;
        this.access = access;
    }

    public ReportCatalogue catalogue() {
        return catalogue;
    }

    /** The stored format, or the defaults (version 0) when none is stored yet. */
    public EmailFormat load() {
        return repository.find().orElseGet(EmailFormat::defaults);
    }

    /** Everything wrong with the format, per field (URLs, languages, default language, each template). */
    public List<FieldProblem> check(EmailFormat f) {
        List<FieldProblem> out = checkFields(f);
        f.reportSubjectTemplates().forEach((lang, text) -> {
            String field = FormatField.template(lang);
            if (!f.languages().contains(lang)) {
                out.add(FieldProblem.error(field, Problem.LANGUAGE_NOT_LISTED));
            }
            templateProblem(text).ifPresent(p -> out.add(FieldProblem.error(field, p)));
        });
        return out;
    }

    /** The problems of the URLs, the languages and the default language (not of the templates). */
    public List<FieldProblem> checkFields(EmailFormat f) {
        List<FieldProblem> out = new ArrayList<>();
        url(FormatField.USER_URL, f.userUrl(), out);
        url(FormatField.OPERATOR_URL, f.operatorUrl(), out);
        if (f.languages().isEmpty()) {
            out.add(FieldProblem.error(FormatField.LANGUAGES, Problem.REQUIRED));
        }
        Set<String> seen = new HashSet<>();
        for (String lang : f.languages()) {
            if (Syntax.language(lang).isPresent()) {
                out.add(FieldProblem.error(FormatField.LANGUAGES, Problem.LANGUAGE_INVALID));
            } else if (!seen.add(lang)) {
                out.add(FieldProblem.error(FormatField.LANGUAGES, Problem.LANGUAGE_DUPLICATE));
            }
        }
        if (Syntax.isBlank(f.defaultLanguage())) {
            out.add(FieldProblem.error(FormatField.DEFAULT_LANGUAGE, Problem.REQUIRED));
        } else if (!f.languages().contains(f.defaultLanguage())) {
            out.add(FieldProblem.error(FormatField.DEFAULT_LANGUAGE, Problem.LANGUAGE_NOT_LISTED));
        }
        return out;
    }

    private static void url(String field, String value, List<FieldProblem> out) {
        if (!Syntax.isBlank(value)) {
            Syntax.httpUrl(value).ifPresent(p -> out.add(FieldProblem.error(field, p)));
        }
    }

    private java.util.Optional<Problem> templateProblem(String text) {
        if (text.length() > MAX_TEMPLATE_LENGTH) {
            return java.util.Optional.of(Problem.TOO_LONG);
        }
        for (TemplateProblem p : lint(text)) {
            return java.util.Optional.of(p.kind().isSyntaxError() ? Problem.TEMPLATE_SYNTAX : Problem.TEMPLATE_UNKNOWN_VARIABLE);
        }
        return java.util.Optional.empty();
    }

    /** Syntax errors and unknown variables of a template text, with their columns; none means it can be saved. */
    public List<TemplateProblem> lint(String text) {
        return parse(text).lint(catalogue.names());
    }

    /** The parse result of a text, kept (a few hundred at most: typing makes many short-lived texts). */
    public Template parse(String text) {
        String key = text == null ? "" : text;
        Template t = parsed.get(key);
        if (t == null) {
            if (parsed.size() >= 256) {
                parsed.clear();
            }
            t = Template.parse(key);
            parsed.put(key, t);
        }
        return t;
    }

    /** A language that can be previewed or given a template: one of the format's languages. */
    public void requireListed(EmailFormat f, String language) throws ValidationException {
        if (language == null || !f.languages().contains(language)) {
            throw ValidationException.of(FormatField.LANG, Problem.LANGUAGE_NOT_LISTED);
        }
    }

    /**
     * Checks, then saves over {@code f.version()}: all or nothing, with the history of changed fields. Templates of
     * languages no longer listed are dropped; blank URLs are stored as not set.
     *
     * @throws ValidationException a field is invalid; nothing was saved
     * @throws ConflictException the stored version is newer; nothing was saved
     * @throws io.cockpit.smtp.core.access.NotPermittedException the caller is not an administrator; nothing was saved
     */
    public EmailFormat save(EmailFormat f) throws ValidationException, ConflictException {
        return save(f, null);
    }

    /** As {@link #save(EmailFormat)}, the history saying it came from {@code source} (null: this process's usual). */
    public EmailFormat save(EmailFormat f, ChangeSource source) throws ValidationException, ConflictException {
        Caller caller = access.require(Operation.FORMAT_SAVE);
        EmailFormat normalized = normalize(f);
        ValidationException.throwIfErrors(check(normalized));
        EmailFormat before = load();
        ChangeLog log = diff(before, normalized, source == null ? caller.author() : caller.author(source));
        if (log.isEmpty() && before.version() == normalized.version() && before.version() > 0) {
            return before;
        }
        EmailFormat saved = repository.save(normalized, log.entries());
        LOG.info("email format saved as version {} ({} field(s) changed)", saved.version(), log.entries().size());
        return saved;
    }

    /** Blank URLs become not set; templates of unlisted languages and blank templates go. */
    public static EmailFormat normalize(EmailFormat f) {
        Map<String, String> templates = new LinkedHashMap<>();
        f.reportSubjectTemplates().forEach((lang, text) -> {
            if (f.languages().contains(lang) && text != null && !text.isBlank()) {
                templates.put(lang, text);
            }
        });
        return new EmailFormat(blankToNull(f.userUrl()), blankToNull(f.operatorUrl()), f.languages(),
                f.defaultLanguage() == null ? null : f.defaultLanguage().trim(), templates, f.version());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static ChangeLog diff(EmailFormat a, EmailFormat b, Author author) {
        ChangeLog log = new ChangeLog("format", author);
        log.field(FormatField.USER_URL, a.userUrl(), b.userUrl())
                .field(FormatField.OPERATOR_URL, a.operatorUrl(), b.operatorUrl())
                .field(FormatField.LANGUAGES, String.join(",", a.languages()), String.join(",", b.languages()))
                .field(FormatField.DEFAULT_LANGUAGE, a.defaultLanguage(), b.defaultLanguage());
        Set<String> langs = new java.util.LinkedHashSet<>(a.reportSubjectTemplates().keySet());
        langs.addAll(b.reportSubjectTemplates().keySet());
        for (String lang : langs) {
            log.field(FormatField.template(lang), a.reportSubjectTemplates().get(lang), b.reportSubjectTemplates().get(lang));
        }
        return log;
    }

    /** Which template a language's subject comes from: its own, the default language's, or the built-in one. */
    public ResolvedTemplate resolve(EmailFormat f, String language) {
        return ResolvedTemplate.resolve(f, language, catalogue.builtInSubject(language));
    }

    /** Sample values for a language: the catalogue's samples with the format's own portal URLs. */
    public Map<String, String> sampleValues(EmailFormat f, String language) {
        Map<String, String> values = catalogue.samples(language);
        values.put(ReportCatalogue.USER_PORTAL_URL, f.userUrl());
        values.put(ReportCatalogue.OPERATOR_PORTAL_URL, f.operatorUrl());
        return values;
    }

    /**
     * The subject as it would be sent for {@code language}. {@code text} (the editor's, or {@code --text}) is used
     * when not null; otherwise the template after fallback. Values not in {@code values} are the samples.
     */
    public SubjectPreview preview(EmailFormat f, String language, String text, Map<String, String> values) {
        ResolvedTemplate resolved = text != null
                ? new ResolvedTemplate(language, text, ResolvedTemplate.Source.GIVEN, null)
                : resolve(f, language);
        Map<String, String> all = sampleValues(f, language);
        all.putAll(values);
        Template template = parse(resolved.text());
        List<TemplateProblem> problems = new ArrayList<>(template.lint(catalogue.names()));
        problems.addAll(template.missingValues(all, catalogue.names()));
        problems.sort(java.util.Comparator.comparingInt(TemplateProblem::start));
        return new SubjectPreview(template.render(all), resolved, template, List.copyOf(problems));
    }

    /** The stored format's preview; the language must be one of the portal's. */
    public SubjectPreview preview(String language, String text, Map<String, String> values) throws ValidationException {
        EmailFormat f = load();
        requireListed(f, language);
        return preview(f, language, text, values);
    }

    /** The subject to send to a recipient of {@code language}, from real values: what the preview shows. */
    public String reportSubject(EmailFormat f, String language, Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(values);
        all.putIfAbsent(ReportCatalogue.USER_PORTAL_URL, f.userUrl());
        all.putIfAbsent(ReportCatalogue.OPERATOR_PORTAL_URL, f.operatorUrl());
        return parse(resolve(f, language).text()).render(all);
    }

    /**
     * The variables the report subject of {@code language} uses that {@code values} leave empty (and that have no
     * fallback): the subject would have holes. Empty when all are given.
     */
    public List<String> missingReportValues(String language, Map<String, String> values) {
        EmailFormat f = load();
        Map<String, String> all = new LinkedHashMap<>(values);
        all.putIfAbsent(ReportCatalogue.USER_PORTAL_URL, f.userUrl());
        all.putIfAbsent(ReportCatalogue.OPERATOR_PORTAL_URL, f.operatorUrl());
        String lang = language == null ? f.defaultLanguage() : language;
        return Template.parse(resolve(f, lang).text()).missingValues(all, catalogue.names()).stream()
                .map(TemplateProblem::name).distinct().toList();
    }

    /** A whole sample report email: the preview's subject, the gateway's sender, a body with the portal link. */
    public SampleEmail sampleEmail(SubjectPreview preview, EmailFormat f, String displayName, String fromAddress,
                                   Map<String, String> values) {
        Map<String, String> all = sampleValues(f, preview.language());
        all.putAll(values);
        String from = Syntax.isBlank(fromAddress) ? null
                : Syntax.isBlank(displayName) ? fromAddress : displayName.strip() + " <" + fromAddress.trim() + ">";
        StringBuilder body = new StringBuilder();
        for (String line : SampleBody.of(preview.language()).split("\n", -1)) {
            body.append(parse(line).render(all)).append('\n');
        }
        return new SampleEmail(from, preview.subject(), body.toString().strip());
    }
}
