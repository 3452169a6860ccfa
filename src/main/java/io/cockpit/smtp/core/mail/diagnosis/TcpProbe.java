package io.cockpit.smtp.core.mail.diagnosis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * The TCP step: a plain connect to each address in turn, within the connect timeout, before Angus connects on its
 * own. Tells a refused or silent port apart from what follows, and which address answered.
 */
final class TcpProbe {
    private TcpProbe() {
    }

    /** @return the first address that accepted the connection (closed again at once) */
    static InetSocketAddress connect(List<InetAddress> addresses, int port, int timeoutSeconds,
                                     Cancellation cancellation, StepLog steps) throws StepFailed {
        long t0 = steps.begin(Step.CONNECT);
        List<Detail> tried = new ArrayList<>();
        Failure last = Failure.NETWORK_UNREACHABLE;
        for (InetAddress a : addresses) {
            InetSocketAddress target = new InetSocketAddress(a, port);
            try (Socket s = new Socket()) {
                cancellation.register(s);
                s.connect(target, timeoutSeconds * 1000);
                tried.add(Detail.of(Detail.Code.CONNECTED, a.getHostAddress(), port));
                steps.pass(Step.CONNECT, t0, System.nanoTime(), tried);
                return target;
            } catch (IOException e) {
                if (cancellation.stopRequested()) {
                    throw steps.fail(Step.CONNECT, t0, System.nanoTime(), List.of(Detail.of(Detail.Code.CANCELLED)),
                            Failure.CANCELLED);
                }
                last = FailureClassifier.classify(e, Step.CONNECT);
                tried.add(Detail.of(Detail.Code.CONNECT_FAILED, a.getHostAddress(), port, ErrorText.detail(last, e)));
            }
        }
        throw steps.fail(Step.CONNECT, t0, System.nanoTime(), tried, last);
    }
}
