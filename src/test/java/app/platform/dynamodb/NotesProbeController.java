package app.platform.dynamodb;

import app.platform.web.PageRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Test-only HTTP access to {@link Notes}, to specify how repository failures reach clients. */
@RestController
class NotesProbeController {

    private final Notes notes;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    NotesProbeController(Notes notes, ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
        this.notes = notes;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Writes a note as of the given version (absent: create). */
    @PutMapping("/test/notes/{owner}/{id}")
    void put(@PathVariable String owner, @PathVariable String id, @RequestParam String text,
            @RequestParam(required = false) Long version) {
        Note note = Note.of(owner, id, text);
        note.setVersion(version);
        if (version == null) {
            notes.create(note);
        }
        else {
            notes.save(note);
        }
    }

    /** Creates a note of {@code textKb} KB and publishes a {@link NoteShared} of {@code eventKb} KB, in one transaction. */
    @PutMapping("/test/notes/{owner}/{id}/shared")
    void share(@PathVariable String owner, @PathVariable String id, @RequestParam int textKb,
            @RequestParam int eventKb) {
        transaction.executeWithoutResult(status -> {
            notes.create(Note.of(owner, id, "t".repeat(textKb * 1024)));
            events.publishEvent(new NoteShared(owner, id, "e".repeat(eventKb * 1024)));
        });
    }

    @GetMapping("/test/notes/{owner}")
    Page<Note> list(@PathVariable String owner, PageRequest page) {
        return notes.ofOwner(owner, page.cursor(), page.limit());
    }

    @GetMapping("/test/failure")
    void failure() {
        throw new IllegalStateException("secret internal detail");
    }
}
