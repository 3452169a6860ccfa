package io.cockpit.smtp.cli;

import io.cockpit.smtp.core.format.EmailFormat;
import io.cockpit.smtp.core.format.FormatJson;
import io.cockpit.smtp.core.format.FormatService;
import io.cockpit.smtp.core.gateway.GatewayJson;
import io.cockpit.smtp.core.store.ConflictException;
import io.cockpit.smtp.core.validation.ValidationException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Its commands are added by {@link Cli} from {@link CommandTree}, only those a command line needs. */
@Command(name = "format", mixinStandardHelpOptions = true,
        description = "Email format: portal URLs and languages (Administration > Portail > Format des emails).")
public final class FormatCommand {
    @ParentCommand RootCommand root;

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the email format.")
    static final class Show implements Callable<Integer> {
        @ParentCommand FormatCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "print one JSON object") boolean json;

        @Override
        public Integer call() throws Exception {
            EmailFormat f = parent.root.services().formats().load();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(GatewayJson.mapper().writeValueAsString(FormatJson.show(f)));
            } else {
                out.printf("%-18s %s%n", "userUrl:", dash(f.userUrl()));
                out.printf("%-18s %s%n", "operatorUrl:", dash(f.operatorUrl()));
                out.printf("%-18s %s%n", "languages:", String.join(", ", f.languages()));
                out.printf("%-18s %s%n", "defaultLanguage:", f.defaultLanguage());
                for (String lang : f.languages()) {
                    String t = f.reportSubjectTemplates().get(lang);
                    out.printf("%-18s %s%n", "template." + lang + ":", t != null ? t
                            : "(none: falls back to " + parent.root.services().formats().resolve(f, lang).fallbackFrom() + ")");
                }
                out.printf("%-18s %d%n", "version:", f.version());
            }
            out.flush();
            return ExitCode.DONE;
        }
    }

    static String dash(String s) {
        return s == null ? "-" : s;
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Change the fields given; all are checked first, then saved together or not at all.")
    static final class Set implements Callable<Integer> {
        @ParentCommand FormatCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--user-url", paramLabel = "URL", description = "end-user portal URL (empty: not set)") String userUrl;
        @Option(names = "--operator-url", paramLabel = "URL", description = "operator portal URL (empty: not set)") String operatorUrl;
        @Option(names = "--languages", paramLabel = "fr,en,...", description = "the portal's languages, in order") String languages;
        @Option(names = "--default-language", paramLabel = "LANG") String defaultLanguage;

        @Override
        public Integer call() throws ValidationException, ConflictException {
            FormatService service = parent.root.services().formats();
            EmailFormat current = service.load();
            EmailFormat f = current.withUrls(userUrl != null ? userUrl : current.userUrl(),
                    operatorUrl != null ? operatorUrl : current.operatorUrl());
            List<String> langs = languages == null ? f.languages()
                    : Arrays.stream(languages.split(",", -1)).map(String::trim).toList();
            f = f.withLanguages(langs, defaultLanguage != null ? defaultLanguage.trim() : f.defaultLanguage());
            EmailFormat saved = service.save(f);
            PrintWriter out = spec.commandLine().getOut();
            out.println(SavedLine.of(current.version(), saved.version(), "Email format saved"));
            out.flush();
            return ExitCode.DONE;
        }
    }
}
