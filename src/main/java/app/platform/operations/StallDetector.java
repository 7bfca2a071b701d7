package app.platform.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Tells whether an executor still takes work: each check hands it a probe that does nothing, unless one is still
 * waiting, and the executor counts as stalled once a probe has waited longer than the limit. A busy pool whose
 * threads keep finishing work runs the probe soon; a pool whose threads are all stuck never does.
 */
final class StallDetector {

    /** The outcome of a check. */
    enum State {
        TAKING_WORK, STALLED
    }

    private final Executor executor;
    private final Duration limit;
    private final Clock clock;
    private Probe waiting;

    StallDetector(Executor executor, Duration limit, Clock clock) {
        this.executor = executor;
        this.limit = limit;
        this.clock = clock;
    }

    /** Hands the executor a probe if none is waiting, and says whether the waiting one has waited too long. */
    synchronized State check() {
        if (waiting == null || waiting.ran) {
            waiting = new Probe(clock.instant());
        }
        if (!waiting.accepted) {
            waiting.offerTo(executor);
        }
        return waited().compareTo(limit) > 0 ? State.STALLED : State.TAKING_WORK;
    }

    /** How long the waiting probe has waited (zero when none waits). */
    synchronized Duration waited() {
        return waiting == null || waiting.ran ? Duration.ZERO : Duration.between(waiting.handedOver, clock.instant());
    }

    private static final class Probe implements Runnable {

        private final Instant handedOver;
        private volatile boolean accepted;
        private volatile boolean ran;

        Probe(Instant handedOver) {
            this.handedOver = handedOver;
        }

        /** A pool whose queue is full takes no work now: the probe is offered again at the next check. */
        void offerTo(Executor executor) {
            try {
                executor.execute(this);
                accepted = true;
            }
            catch (RejectedExecutionException full) {
                accepted = false;
            }
        }

        @Override
        public void run() {
            ran = true;
        }
    }
}
