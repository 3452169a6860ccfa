package io.cockpit.smtp.testing;

import io.cockpit.smtp.core.CoreServices;
import java.nio.file.Path;

/** Child process: runs an engine (args: store folder, engine name, default "local") in the background until killed. */
public final class EngineChild {
    public static void main(String[] args) throws Exception {
        CoreServices s = TestStore.open(Path.of(args[0]));
        String engine = args.length > 1 ? args[1] : "local";
        if (s.engineRunner(engine).start().isPresent()) {
            System.out.println("busy");
        } else {
            System.out.println("started");
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
