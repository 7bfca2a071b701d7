package bench;

import org.springframework.modulith.events.ApplicationModuleListener;

/** A listener with no work of its own, so the benchmark measures the backbone, not the listener. */
public class BenchListener {

    @ApplicationModuleListener
    void on(BenchEvent event) {
        // Nothing: delivery and completion are what is measured.
    }
}
