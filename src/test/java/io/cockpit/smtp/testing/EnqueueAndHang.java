package io.cockpit.smtp.testing;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.outbox.NewMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Child process: stores one message, prints its id, then hangs until killed (the store is never closed). */
public final class EnqueueAndHang {
    public static void main(String[] args) throws Exception {
        CoreServices s = TestStore.open(Path.of(args[0]));
        long id = s.outbox().enqueue(new NewMessage("password-reset", List.of("kill9@example.com"), "en", "user", null,
                null, Map.of("LOGIN", "jdoe"), null));
        System.out.println(id);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
