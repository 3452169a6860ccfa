package io.cockpit.smtp.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One piece of background work and what to do with its outcome; the callbacks run where the runner says (the FX thread). */
public final class Job<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Job.class);

    private final Callable<T> work;
    private final Function<Job<T>, Future<?>> launcher;
    private Consumer<? super T> onSuccess = v -> { };
    private Consumer<Throwable> onError = e -> LOG.warn("background work failed: {}", e.toString());
    private Runnable andFinally = () -> { };

    Job(Callable<T> work, Function<Job<T>, Future<?>> launcher) {
        this.work = Objects.requireNonNull(work);
        this.launcher = launcher;
    }

    public Job<T> onSuccess(Consumer<? super T> action) {
        onSuccess = Objects.requireNonNull(action);
        return this;
    }

    public Job<T> onError(Consumer<Throwable> action) {
        onError = Objects.requireNonNull(action);
        return this;
    }

    /** Sets the last step (run after success or error) and starts the work. */
    public Future<?> andFinally(Runnable action) {
        andFinally = Objects.requireNonNull(action);
        return start();
    }

    /** Starts the work; the returned future cancels it (interrupting the worker). */
    public Future<?> start() {
        return launcher.apply(this);
    }

    T call() throws Exception {
        return work.call();
    }

    void succeeded(T value) {
        try {
            onSuccess.accept(value);
        } finally {
            andFinally.run();
        }
    }

    void failed(Throwable error) {
        try {
            onError.accept(error);
        } finally {
            andFinally.run();
        }
    }
}
