package app.platform.dynamodb;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Records every delivery of {@link NoteWritten}, as a module listener would react to it. */
@Component
public class NoteWrittenListener {

    private final Queue<NoteWritten> received = new ConcurrentLinkedQueue<>();

    @ApplicationModuleListener
    void on(NoteWritten event) {
        received.add(event);
    }

    /** The deliveries of one owner's events, in order; a redelivery appears twice. */
    public List<NoteWritten> received(String owner) {
        return received.stream().filter(event -> event.owner().equals(owner)).toList();
    }
}
