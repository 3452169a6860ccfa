package io.cockpit.smtp.ui;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.core.engine.EngineInfo;
import io.cockpit.smtp.core.engine.EngineRunner;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the console is open it runs the gateway's engine in the background, unless that engine is remote or another
 * process (a headless {@code engine run}, another console) already holds it: the registry's heartbeat decides. Only an
 * administrator's console runs one.
 */
final class LocalEngine {
    private static final Logger LOG = LoggerFactory.getLogger(LocalEngine.class);

    private LocalEngine() {
    }

    /** Runs off the FX thread: starts the engine and returns it, or empty when someone else runs it. */
    static Optional<EngineRunner> startIfFree(CoreServices services) throws Exception {
        if (!services.access().allows(Operation.ENGINE_RUN)) {
            // Sending claims and changes every message: a support or operator console leaves it to an administrator's.
            LOG.info("{} may not run an engine: the console does not run one", services.access().caller().name());
            return Optional.empty();
        }
        String name = services.gateways().loadPortal().engine();
        Optional<EngineInfo> info = services.engineRegistry().find(name);
        if (info.isEmpty() || info.get().remote()) {
            LOG.info("engine {} is remote or unknown: the console does not run it", name);
            return Optional.empty();
        }
        EngineRunner runner = services.engineRunner(name);
        Optional<EngineInfo> other = runner.start();
        if (other.isPresent()) {
            LOG.info("engine {} already runs in another process ({}); the console does not run it", name, other.get().holder());
            return Optional.empty();
        }
        return Optional.of(runner);
    }
}
