package io.cockpit.smtp.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** Runs the work and its callbacks at once on the calling thread: view models are tested without the FX toolkit. */
public final class InlineRunner implements BackgroundRunner {
    @Override
    public <T> Job<T> run(Callable<T> work) {
        return new Job<>(work, job -> {
            T value;
            try {
                value = job.call();
            } catch (Exception e) {
                job.failed(e);
                return CompletableFuture.completedFuture(null);
            }
            job.succeeded(value);
            return CompletableFuture.completedFuture(null);
        });
    }
}
