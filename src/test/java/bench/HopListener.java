package bench;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.springframework.modulith.events.ApplicationModuleListener;

/** Receives the in-process hop of the saga benchmark and hands over when each event arrived. */
public class HopListener {

    static final BlockingQueue<Long> ARRIVALS = new LinkedBlockingQueue<>();

    @ApplicationModuleListener
    void on(HopEvent event) {
        ARRIVALS.add(System.nanoTime() - event.sentAtNanos());
    }
}
