package io.cockpit.smtp.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.engine.EngineInfo;
import io.cockpit.smtp.core.engine.EngineRegistry;
import io.cockpit.smtp.core.engine.EngineRunner;
import io.cockpit.smtp.core.engine.EngineStatus;
import io.cockpit.smtp.core.engine.diagnosis.RemoteDiagnosis;
import io.cockpit.smtp.core.engine.diagnosis.RemoteDiagnosisListener;
import io.cockpit.smtp.core.engine.diagnosis.RemoteDiagnosisResult;
import io.cockpit.smtp.core.mail.diagnosis.Cancellation;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.store.SecretUnavailableException;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.ValidationException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Its commands are added by {@link Cli} from {@link CommandTree}, only those a command line needs. */
@Command(name = "engine", mixinStandardHelpOptions = true, description = "The engines that send mail.")
public final class EngineCommand {
    @ParentCommand RootCommand root;

    static ObjectNode json(EngineStatus status) {
        EngineInfo e = status.info();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", e.name());
        o.put("remote", e.remote());
        o.put("online", status.online());
        o.put("lastSeen", OutboxJson.text(e.lastSeen()));
        o.put("gateway", e.gatewayMode());
        o.put("holder", status.online() ? e.holder() : null);
        // The current holder's machine, or the last one's when offline: where to look for it.
        o.put("host", e.host());
        if (e.pid() == null) {
            o.putNull("pid");
        } else {
            o.put("pid", e.pid());
        }
        o.put("version", e.version());
        o.put("startedAt", OutboxJson.text(e.startedAt()));
        o.put("queued", status.counts().queued());
        o.put("sending", status.counts().sending());
        o.put("deferred", status.counts().deferred());
        o.put("failed", status.counts().failed());
        return o;
    }

    static EngineStatus status(CoreServices services, String name) throws ValidationException {
        return services.engineOverview().find(name).orElseThrow(() -> ValidationException.of("name", Problem.ENGINE_UNKNOWN));
    }

    static EngineInfo existing(EngineRegistry registry, String name) throws ValidationException {
        return registry.find(name).orElseThrow(() -> ValidationException.of("name", Problem.ENGINE_UNKNOWN));
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Run the background sender without a window until SIGINT/SIGTERM.",
                    "--once sends what is due, then exits."})
    static final class Run implements Callable<Integer> {
        @ParentCommand EngineCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--name", paramLabel = "NAME", description = "default: the gateway's engine") String name;
        @Option(names = "--once", description = "send what is due now, then exit") boolean once;

        @Override
        public Integer call() throws Exception {
            CoreServices services = parent.root.services();
            String engine = name != null ? name : services.gateways().loadPortal().engine();
            existing(services.engineRegistry(), engine);
            warnWhenSecretsUnreadable(services, engine, spec.commandLine().getErr());
            EngineRunner runner = services.engineRunner(engine);
            PrintWriter out = spec.commandLine().getOut();
            if (once) {
                EngineRunner.Once done = runner.runOnce();
                if (done.heldBy() != null) {
                    throw busy(done.heldBy());
                }
                out.println(done.handled() + " message(s) handled by engine " + engine + ".");
                out.flush();
                if (done.takenOver()) {
                    throw takenOver(engine);
                }
                return ExitCode.DONE;
            }
            Optional<EngineInfo> busy = runner.start();
            if (busy.isPresent()) {
                throw busy(busy.get());
            }
            CountDownLatch stopped = new CountDownLatch(1);
            SignalStop.install(() -> {
                runner.stop(Duration.ofSeconds(60));
                stopped.countDown();
            });
            out.println("engine " + engine + " started; stop with Ctrl-C or SIGTERM");
            out.flush();
            while (!stopped.await(1, TimeUnit.SECONDS)) {
                if (!runner.work().running()) {
                    // Taken over by another process, or the sender died: stop for real.
                    runner.stop(Duration.ofSeconds(5));
                    throw takenOver(engine);
                }
            }
            out.println("engine " + engine + " stopped");
            out.flush();
            return ExitCode.DONE;
        }

        /**
         * An engine on another machine needs the store's key file to read the stored password: say so at once rather
         * than only in each message's last error. The engine still runs (its messages wait; diagnosis runs say why).
         */
        private static void warnWhenSecretsUnreadable(CoreServices services, String engine, PrintWriter err) {
            try {
                services.gateways().checkSecretsReadable(services.outbox().gatewayFor(engine));
            } catch (SecretUnavailableException e) {
                err.println("warning: engine " + engine + " cannot read the stored secrets with the key file "
                        + services.location().keyFile() + ": " + e.why() + ". Install the store's key file on this "
                        + "machine (README, \"An engine on another machine\"); until then its messages wait.");
                err.flush();
            }
        }

        private static CliException takenOver(String engine) {
            return new CliException(ExitCode.FAILED, "engine " + engine + " stopped: another process took it over "
                    + "(this one was paused or could not reach the store for longer than "
                    + EngineRegistry.STALE_AFTER.toSeconds() + " s)");
        }

        private static CliException busy(EngineInfo e) {
            return new CliException(ExitCode.FAILED, "engine " + e.name() + " is already running in process " + e.pid()
                    + " on " + e.host() + " (version " + e.version() + ", last heartbeat " + e.lastSeen() + ")");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The registered engines.")
    static final class ListEngines implements Callable<Integer> {
        @ParentCommand EngineCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() throws Exception {
            String row = "%-20s %-7s %-8s %-9s %-20s %-12s %7s %8s %7s  %s";
            ListOutput.print(spec.commandLine().getOut(), json, parent.root.services().engineOverview().list(),
                    EngineCommand::json,
                    String.format(row, "NAME", "REMOTE", "ONLINE", "GATEWAY", "HOST", "VERSION", "QUEUED", "DEFERRED",
                            "FAILED", "LAST SEEN"),
                    st -> {
                        EngineInfo e = st.info();
                        return String.format(row, e.name(), e.remote() ? "yes" : "no", st.online() ? "yes" : "no",
                                e.gatewayMode(), e.host() == null ? "-" : e.host(), e.version() == null ? "-" : e.version(),
                                st.counts().queued() + st.counts().sending(), st.counts().deferred(), st.counts().failed(),
                                e.lastSeen() == null ? "-" : e.lastSeen());
                    });
            return ExitCode.DONE;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Register an engine.")
    static final class Add implements Callable<Integer> {
        @ParentCommand EngineCommand parent;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--remote", description = "it runs on another machine") boolean remote;

        @Override
        public Integer call() throws ValidationException {
            parent.root.services().engineRegistry().add(name, remote);
            spec.commandLine().getOut().println("Engine " + name + " registered.");
            spec.commandLine().getOut().flush();
            return ExitCode.DONE;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One engine and the gateway it sends with.")
    static final class Show implements Callable<Integer> {
        @ParentCommand EngineCommand parent;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() throws Exception {
            CoreServices services = parent.root.services();
            ObjectNode o = json(status(services, name));
            GatewayConfig g = services.outbox().gatewayFor(name);
            o.set("gatewayConfig", io.cockpit.smtp.core.gateway.GatewayJson.show(g));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(OutboxJson.mapper().writeValueAsString(o));
            } else {
                GatewayCommand.printHuman(o, out);
            }
            out.flush();
            return ExitCode.DONE;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Choose the gateway an engine sends with: the portal's or its own.",
                    "The gateway options (as for 'gateway set') edit the engine's specific gateway."})
    static final class Set implements Callable<Integer> {
        @ParentCommand EngineCommand parent;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--gateway", paramLabel = "portal|specific") String gateway;
        @Mixin GatewayOptions options;

        @Override
        public Integer call() throws Exception {
            CoreServices services = parent.root.services();
            existing(services.engineRegistry(), name);
            if (GatewayConfig.PORTAL.equals(name)) {
                throw ValidationException.of("name", Problem.NAME_INVALID);
            }
            GatewayService gateways = services.gateways();
            GatewayConfig current = gateways.load(name);
            GatewayConfig applied = options.apply(current, gateways, parent.root.stdin());
            boolean gatewayChanged = !applied.equals(current);
            // The engine's own gateway is always sent by that engine.
            GatewayConfig changed = applied.toBuilder().name(name).engine(name).build();
            if (gateway != null && !gateway.equals(EngineInfo.PORTAL) && !gateway.equals(EngineInfo.SPECIFIC)) {
                throw ValidationException.of("gateway", Problem.CHOICE_INVALID);
            }
            if (gatewayChanged) {
                gateways.save(changed);
            }
            if (gateway != null) {
                services.engineRegistry().setGatewayMode(name, gateway);
            }
            spec.commandLine().getOut().println(gatewayChanged || gateway != null ? "Engine " + name + " saved." : "Nothing changed.");
            spec.commandLine().getOut().flush();
            return ExitCode.DONE;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Ask a running engine to check its gateway from its own machine, through the store.",
                    "--to also sends a test email. Prints the engine's steps as 'gateway check' does; exit 0 only "
                            + "when every step passed, 1 when one failed or the engine did not answer."})
    static final class Test implements Callable<Integer> {
        @ParentCommand EngineCommand parent;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--to", paramLabel = "ADDRESS", description = "also send a test email to this address") String to;
        @Option(names = "--json", description = "print one JSON object") boolean json;

        @Override
        public Integer call() throws Exception {
            CoreServices services = parent.root.services();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Cancellation cancellation = new Cancellation();
            SignalStop.install(cancellation::cancel);
            RemoteDiagnosisResult r = services.remoteDiagnosis().run(name, to, new RemoteDiagnosisListener() {
                @Override
                public void taken(String host) {
                    if (!json) {
                        out.println("Engine " + name + " runs the " + (to == null ? "check" : "test") + " from " + host + ".");
                        out.println();
                        out.flush();
                    }
                }
            }, cancellation);
            if (json) {
                ObjectNode o = r.report() != null ? GatewayDiagnosisCommands.toJson(r.report())
                        : JsonNodeFactory.instance.objectNode().put("ok", false);
                o.put("engine", name);
                o.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                o.put("host", r.host());
                o.put("lastSeen", OutboxJson.text(r.lastSeen()));
                out.println(OutboxJson.mapper().writeValueAsString(o));
                out.flush();
            } else if (r.report() != null) {
                GatewayDiagnosisCommands.print(r.report(), false, out);
            }
            if (r.outcome() == RemoteDiagnosisResult.Outcome.DONE) {
                return r.report().ok() ? ExitCode.DONE : ExitCode.FAILED;
            }
            err.println(unanswered(name, r));
            err.flush();
            return ExitCode.FAILED;
        }

        private static String unanswered(String engine, RemoteDiagnosisResult r) {
            String seen = r.lastSeen() == null ? "never" : r.lastSeen().toString();
            return switch (r.outcome()) {
                case ENGINE_OFFLINE -> "Engine " + engine + " is offline (last heartbeat: " + seen
                        + (r.host() == null ? "" : ", on " + r.host()) + "): nothing was tried. Start it on its machine "
                        + "with 'engine run --name " + engine + "'.";
                case NO_ANSWER -> "Engine " + engine + " is online but did not take the request within "
                        + RemoteDiagnosis.PICKUP_TIMEOUT.toSeconds() + " s (busy with another test, or a version "
                        + "without this feature): nothing was tried.";
                case ENGINE_LOST -> "Engine " + engine + " went offline while running the test on " + r.host()
                        + " (last heartbeat: " + seen + "): the outcome is unknown.";
                case TIMED_OUT -> "Engine " + engine + " ran the test on " + r.host() + " for longer than its gateway's "
                        + "timeouts allow: it was stopped.";
                case CANCELLED -> "Cancelled.";
                case DONE -> "";
            };
        }
    }
}
