package io.cockpit.smtp.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayJson;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.store.ConflictException;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.ValidationException;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Its commands are added by {@link Cli} from {@link CommandTree}, only those a command line needs. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "The portal's SMTP gateway (Administration > Connectivité > Passerelle SMTP).")
public final class GatewayCommand {
    @ParentCommand RootCommand root;

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the gateway's configuration (never a secret).")
    static final class Show implements Callable<Integer> {
        @ParentCommand GatewayCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "print one JSON object") boolean json;

        @Override
        public Integer call() throws Exception {
            GatewayConfig g = parent.root.services().gateways().loadPortal();
            PrintWriter out = spec.commandLine().getOut();
            ObjectNode node = GatewayJson.show(g);
            ((ObjectNode) node.get("oauth")).put("tokenHealth", parent.root.services().oauth().health(g).cliName());
            if (json) {
                out.println(GatewayJson.mapper().writeValueAsString(node));
            } else {
                printHuman(node, out);
            }
            out.flush();
            return ExitCode.DONE;
        }
    }

    static void printHuman(ObjectNode node, PrintWriter out) {
        Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getValue().isObject()) {
                var sub = e.getValue().fields();
                while (sub.hasNext()) {
                    var s = sub.next();
                    out.printf("%-22s %s%n", e.getKey() + "." + s.getKey() + ":", s.getValue().isNull() ? "-" : s.getValue().asText());
                }
            } else if (e.getValue().isArray()) {
                StringBuilder sb = new StringBuilder();
                e.getValue().forEach(v -> sb.append(sb.length() == 0 ? "" : ", ").append(v.asText()));
                out.printf("%-22s %s%n", e.getKey() + ":", sb.length() == 0 ? "-" : sb);
            } else {
                out.printf("%-22s %s%n", e.getKey() + ":", e.getValue().isNull() ? "-" : e.getValue().asText());
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Change the fields given; all are checked first, then saved together or not at all.",
                    "The password is only read from standard input (--password-stdin)."})
    static final class Set implements Callable<Integer> {
        @ParentCommand GatewayCommand parent;
        @Spec CommandSpec spec;
        @Mixin GatewayOptions options;

        @Override
        public Integer call() throws ValidationException, ConflictException {
            GatewayService service = parent.root.services().gateways();
            GatewayConfig current = service.loadPortal();
            GatewayConfig changed = options.apply(current, service, parent.root.stdin());
            GatewayConfig saved = service.save(changed);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            for (FieldProblem w : service.check(saved)) {
                if (!w.isError()) {
                    err.println("warning: " + ProblemWords.sentence(w));
                }
            }
            out.println(SavedLine.of(current.version(), saved.version(), "Gateway saved"));
            out.flush();
            err.flush();
            return ExitCode.DONE;
        }
    }
}
