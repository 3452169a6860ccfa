package io.cockpit.smtp.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** Keeps the work until the test runs it, in any order: how a test makes a result arrive late. */
public final class QueuedRunner implements BackgroundRunner {
    private final List<Job<?>> queue = new ArrayList<>();

    @Override
    public <T> Job<T> run(Callable<T> work) {
        return new Job<>(work, job -> {
            queue.add(job);
            return new CompletableFuture<>();
        });
    }

    public int pending() {
        return queue.size();
    }

    /** Runs the queued job at {@code index} (0: the oldest) and its callbacks. */
    public void runAt(int index) {
        complete(queue.remove(index));
    }

    public void runAll() {
        while (!queue.isEmpty()) {
            runAt(0);
        }
    }

    private static <T> void complete(Job<T> job) {
        T value;
        try {
            value = job.call();
        } catch (Exception e) {
            job.failed(e);
            return;
        }
        job.succeeded(value);
    }
}
