package io.cockpit.smtp.core.mail.diagnosis;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The first step: the server's name to its addresses, within the connect timeout. */
final class NameLookup {
    private NameLookup() {
    }

    static List<InetAddress> resolve(String host, int timeoutSeconds, Cancellation cancellation, StepLog steps)
            throws StepFailed {
        long t0 = steps.begin(Step.RESOLVE);
        // The system resolver has no timeout of ours: ask on a side thread and stop waiting after the connect timeout.
        FutureTask<InetAddress[]> lookup = new FutureTask<>(() -> InetAddress.getAllByName(host));
        Thread thread = new Thread(lookup, "diagnosis-dns");
        thread.setDaemon(true);
        thread.start();
        cancellation.register(() -> lookup.cancel(true));
        try {
            InetAddress[] found = lookup.get(timeoutSeconds, TimeUnit.SECONDS);
            List<String> addresses = Arrays.stream(found).map(InetAddress::getHostAddress).toList();
            steps.pass(Step.RESOLVE, t0, System.nanoTime(), List.of(Detail.of(Detail.Code.RESOLVED, addresses)));
            return List.of(found);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw failed(steps, t0, Detail.of(Detail.Code.RESOLVE_TIMEOUT, timeoutSeconds), Failure.NAME_NOT_RESOLVED);
        } catch (ExecutionException e) {
            throw failed(steps, t0, Detail.of(Detail.Code.UNKNOWN_HOST, host), Failure.NAME_NOT_RESOLVED);
        } catch (InterruptedException | CancellationException e) {
            throw failed(steps, t0, Detail.of(Detail.Code.CANCELLED), Failure.CANCELLED);
        }
    }

    private static StepFailed failed(StepLog steps, long t0, Detail why, Failure failure) {
        return steps.fail(Step.RESOLVE, t0, System.nanoTime(), List.of(why), failure);
    }
}
