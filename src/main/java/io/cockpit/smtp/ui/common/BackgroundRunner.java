package io.cockpit.smtp.ui.common;

import java.util.concurrent.Callable;

/**
 * Runs work off the FX thread and hands the result back, read as one sentence:
 * {@code runner.run(() -> gateways.load(name)).onSuccess(this::show).onError(this::fail).andFinally(() -> busy.set(false));}
 * The work starts at {@link Job#andFinally} (or {@link Job#start()} when there is nothing to do at the end).
 * View models take a runner through their constructor: the console passes {@link ExecutorRunner}; their tests pass one
 * that runs everything at once on the calling thread, so they need no FX toolkit.
 */
public interface BackgroundRunner {
    <T> Job<T> run(Callable<T> work);
}
