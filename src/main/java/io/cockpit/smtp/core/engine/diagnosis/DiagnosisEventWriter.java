package io.cockpit.smtp.core.engine.diagnosis;

import io.cockpit.smtp.core.mail.diagnosis.DiagnosisListener;
import io.cockpit.smtp.core.mail.diagnosis.Step;
import io.cockpit.smtp.core.mail.diagnosis.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a running diagnosis's steps and transcript lines to the store as they come, from its own thread: the
 * diagnosis (and Angus, which reports the lines) never waits on the store. Events are written in small groups, so a
 * requester polling the store sees them within a fraction of a second.
 */
final class DiagnosisEventWriter implements DiagnosisListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiagnosisEventWriter.class);
    private static final DiagnosisRequestRepository.Event END = new DiagnosisRequestRepository.Event(-1, "", "");

    private final DiagnosisRequestRepository requests;
    private final long id;
    private final BlockingQueue<DiagnosisRequestRepository.Event> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private int seq;

    DiagnosisEventWriter(DiagnosisRequestRepository requests, long id) {
        this.requests = requests;
        this.id = id;
        this.thread = new Thread(this::drain, "engine-diagnosis-writer-" + id);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stepStarted(Step step) {
        add(DiagnosisRequestRepository.Event.STARTED, step.name());
    }

    @Override
    public void stepFinished(StepResult result) {
        add(DiagnosisRequestRepository.Event.STEP, DiagnosisCodec.write(DiagnosisCodec.step(result)));
    }

    @Override
    public void transcriptLine(String line) {
        add(DiagnosisRequestRepository.Event.LINE, line);
    }

    private synchronized void add(String kind, String payload) {
        queue.add(new DiagnosisRequestRepository.Event(++seq, kind, payload));
    }

    private void drain() {
        boolean ended = false;
        while (!ended) {
            List<DiagnosisRequestRepository.Event> batch = new ArrayList<>();
            try {
                DiagnosisRequestRepository.Event first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                // Let a burst of lines (a multi-line reply) gather, then write it in one transaction.
                TimeUnit.MILLISECONDS.sleep(50);
                batch.add(first);
                queue.drainTo(batch);
            } catch (InterruptedException e) {
                queue.drainTo(batch);
                ended = true;
            }
            ended |= batch.remove(END);
            try {
                requests.append(id, batch);
            } catch (RuntimeException e) {
                LOG.warn("diagnosis request {}: could not write {} event(s); the report will hold them", id,
                        batch.size(), e);
            }
        }
    }

    /** Writes what is left, then ends. */
    @Override
    public void close() {
        queue.add(END);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
