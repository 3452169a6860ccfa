package io.cockpit.smtp.ui.common;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The application executor: work on named daemon threads, outcomes handed to the callback thread, then andFinally. */
class ExecutorRunnerTest {
    /** Stands for the FX thread: records that callbacks went through it. */
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @Test
    void workRunsOnANamedDaemonThreadAndTheResultIsDeliveredThroughTheCallbackExecutor() throws Exception {
        AtomicReference<Thread> worker = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        try (ExecutorRunner runner = new ExecutorRunner(1, r -> {
            delivered.add("callback");
            r.run();
        })) {
            runner.run(() -> {
                worker.set(Thread.currentThread());
                return 42;
            }).onSuccess(v -> delivered.add("success " + v)).andFinally(done::countDown);
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
        assertTrue(worker.get().getName().startsWith("cockpit-worker-"), worker.get().getName());
        assertTrue(worker.get().isDaemon(), "a stuck network wait never keeps the console's JVM alive");
        assertEquals(List.of("callback", "success 42"), delivered);
    }

    @Test
    void aFailureGoesToOnErrorThenAndFinally() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (ExecutorRunner runner = new ExecutorRunner(1, Runnable::run)) {
            runner.run(() -> {
                throw new IllegalStateException("refused");
            }).onSuccess(v -> delivered.add("success")).onError(e -> delivered.add("error " + e.getMessage()))
                    .andFinally(() -> {
                        delivered.add("finally");
                        done.countDown();
                    });
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("error refused", "finally"), delivered);
    }

    @Test
    void theInlineRunnerRunsEverythingAtOnceOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        new InlineRunner().run(() -> Thread.currentThread()).onSuccess(t -> delivered.add(t == caller ? "same" : "other"))
                .andFinally(() -> delivered.add("finally"));
        assertEquals(List.of("same", "finally"), delivered);
    }
}
