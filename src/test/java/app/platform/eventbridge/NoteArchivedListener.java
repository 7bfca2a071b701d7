package app.platform.eventbridge;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Records every delivery of {@link NoteArchived}, as a module that reacts to it would. */
@Component
class NoteArchivedListener {

    private final Queue<NoteArchived> received = new ConcurrentLinkedQueue<>();

    @ApplicationModuleListener
    void on(NoteArchived event) {
        received.add(event);
    }

    List<NoteArchived> received(String owner) {
        return received.stream().filter(event -> event.owner().equals(owner)).toList();
    }
}
