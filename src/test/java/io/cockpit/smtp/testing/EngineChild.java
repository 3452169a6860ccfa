package io.cockpit.smtp.testing;

import io.cockpit.smtp.core.CoreServices;
import java.nio.file.Path;

/** Child process: runs the local engine in the background until killed. */
public final class EngineChild {
    public static void main(String[] args) throws Exception {
        CoreServices s = TestStore.open(Path.of(args[0]));
        if (s.engineRunner("local").start().isPresent()) {
            System.out.println("busy");
        } else {
            System.out.println("started");
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
