package io.cockpit.smtp.cli;

import io.cockpit.smtp.core.format.EmailFormat;
import io.cockpit.smtp.core.format.FormatField;
import io.cockpit.smtp.core.format.FormatJson;
import io.cockpit.smtp.core.format.FormatService;
import io.cockpit.smtp.core.format.SubjectPreview;
import io.cockpit.smtp.core.gateway.GatewayJson;
import io.cockpit.smtp.core.store.ConflictException;
import io.cockpit.smtp.core.template.TemplateProblem;
import io.cockpit.smtp.core.template.TemplateVariable;
import io.cockpit.smtp.core.validation.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Its commands are added by {@link Cli} from {@link CommandTree}, only those a command line needs. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Report-notification subject templates, one per language (Format des emails > Emails des rapports).")
public final class TemplateCommand {
    @ParentCommand RootCommand root;

    @Command(name = "variables", mixinStandardHelpOptions = true, description = "List the variables a template may use.")
    static final class Variables implements Callable<Integer> {
        @ParentCommand TemplateCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "print one JSON array") boolean json;

        @Override
        public Integer call() throws Exception {
            FormatService service = parent.root.services().formats();
            List<String> languages = service.load().languages();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(GatewayJson.mapper().writeValueAsString(FormatJson.variables(service.catalogue(), languages)));
            } else {
                String lang = languages.isEmpty() ? "en" : languages.get(0);
                for (TemplateVariable v : service.catalogue().variables()) {
                    out.printf("%-20s %s (e.g. %s)%n", v.name(), v.description("en"), v.sample(lang));
                }
            }
            out.flush();
            return ExitCode.DONE;
        }
    }

    static final class Source {
        @Option(names = "--text", paramLabel = "TEXT", required = true) String text;
        @Option(names = "--file", paramLabel = "FILE", required = true, description = "read the template from a UTF-8 file") Path file;

        String read() {
            if (text != null) {
                return text;
            }
            try {
                String s = Files.readString(file, StandardCharsets.UTF_8);
                // A file's final line break is the editor's, not part of the subject.
                return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
            } catch (IOException e) {
                throw CliException.invalid("file", "cannot be read: " + e.getMessage());
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set a language's template; refused (nothing saved) if it has a syntax error or an unknown variable.")
    static final class Set implements Callable<Integer> {
        @ParentCommand TemplateCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--lang", paramLabel = "LANG", required = true) String lang;
        @ArgGroup(exclusive = true, multiplicity = "1") Source source;

        @Override
        public Integer call() throws ValidationException, ConflictException {
            FormatService service = parent.root.services().formats();
            EmailFormat current = service.load();
            service.requireListed(current, lang);
            String text = source.read();
            List<TemplateProblem> problems = service.lint(text);
            if (!problems.isEmpty()) {
                StringBuilder msg = new StringBuilder();
                for (TemplateProblem p : problems) {
                    msg.append(FormatField.template(lang)).append(", ").append(TemplateWords.sentence(p)).append('\n');
                }
                msg.append("Nothing was changed.");
                throw new CliException(ExitCode.INVALID, msg.toString());
            }
            EmailFormat saved = service.save(current.withTemplate(lang, text));
            PrintWriter out = spec.commandLine().getOut();
            out.println(SavedLine.of(current.version(), saved.version(), "Template for " + lang + " saved"));
            out.flush();
            return ExitCode.DONE;
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Remove a language's template: it falls back to the default language's, then the built-in one.")
    static final class Clear implements Callable<Integer> {
        @ParentCommand TemplateCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--lang", paramLabel = "LANG", required = true) String lang;

        @Override
        public Integer call() throws ValidationException, ConflictException {
            FormatService service = parent.root.services().formats();
            EmailFormat current = service.load();
            service.requireListed(current, lang);
            EmailFormat saved = service.save(current.withTemplate(lang, null));
            PrintWriter out = spec.commandLine().getOut();
            out.println(SavedLine.of(current.version(), saved.version(), "Template for " + lang + " removed"));
            out.flush();
            return ExitCode.DONE;
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = {"Print the subject exactly as it would be sent for a language (after fallback), with sample",
                    "values for the variables not given by --var. Warnings go to stderr; a syntax error exits 2."})
    static final class Preview implements Callable<Integer> {
        @ParentCommand TemplateCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--lang", paramLabel = "LANG", required = true) String lang;
        @Option(names = "--text", paramLabel = "TEXT", description = "preview this text instead of the stored template") String text;
        @Option(names = "--var", paramLabel = "NAME=VALUE", description = "a value instead of the sample (repeatable)")
        Map<String, String> vars = new LinkedHashMap<>();
        @Option(names = "--json", description = "print one JSON object") boolean json;

        @Override
        public Integer call() throws Exception {
            FormatService service = parent.root.services().formats();
            SubjectPreview p = service.preview(lang, text, vars);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            for (String name : vars.keySet()) {
                if (service.catalogue().find(name).isEmpty()) {
                    err.println("warning: --var " + name + " is not a catalogue variable; it is ignored unless the template uses it");
                }
            }
            for (TemplateProblem problem : p.problems()) {
                err.println((problem.isError() ? "error: " : "warning: ") + TemplateWords.sentence(problem));
            }
            if (json) {
                out.println(GatewayJson.mapper().writeValueAsString(FormatJson.preview(p, TemplateWords::message)));
            } else if (!p.hasSyntaxErrors()) {
                out.println(p.subject());
            }
            out.flush();
            if (p.hasSyntaxErrors()) {
                err.println("The template has a syntax error: nothing to preview.");
                err.flush();
                return ExitCode.INVALID;
            }
            err.flush();
            return ExitCode.DONE;
        }
    }
}
