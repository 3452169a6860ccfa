package io.cockpit.smtp.ui.common;

import io.cockpit.smtp.ui.common.BackgroundRunner;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A reload in the background, asked for by events or polling (FX thread only): calls made while one runs are folded
 * into one more run after it. While the console closes, the runner stops taking work but a last event (the
 * engine stopping) may still ask for one: it is dropped, not thrown on the FX thread.
 */
public final class FoldedReload<T> {
    private final BackgroundRunner runner;
    private final Supplier<Callable<T>> work;
    private final Consumer<? super T> show;
    private final Consumer<Throwable> failed;
    private final Runnable settled;
    private boolean loading;
    private boolean again;

    /** @param work builds the work at each run, on the FX thread, so it can read what the screen shows at that time */
    public FoldedReload(BackgroundRunner runner, Supplier<Callable<T>> work, Consumer<? super T> show) {
        this(runner, work, show, null);
    }

    /** @param failed told when a run fails (the store does not answer); null: the failure is only logged */
    public FoldedReload(BackgroundRunner runner, Supplier<Callable<T>> work, Consumer<? super T> show,
                        Consumer<Throwable> failed) {
        this(runner, work, show, failed, () -> { });
    }

    /** @param settled run after the last folded run, whether it succeeded or failed (a busy mask comes off) */
    public FoldedReload(BackgroundRunner runner, Supplier<Callable<T>> work, Consumer<? super T> show,
                        Consumer<Throwable> failed, Runnable settled) {
        this.runner = runner;
        this.work = work;
        this.show = show;
        this.failed = failed;
        this.settled = settled;
    }

    public void request() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        try {
            Job<T> job = runner.run(work.get()).onSuccess(show);
            if (failed != null) {
                job.onError(failed);
            }
            job.andFinally(() -> {
                loading = false;
                if (again) {
                    again = false;
                    request();
                } else {
                    settled.run();
                }
            });
        } catch (RejectedExecutionException closing) {
            loading = false;
        }
    }
}
