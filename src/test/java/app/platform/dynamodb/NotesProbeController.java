package app.platform.dynamodb;

import app.platform.web.PageRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Test-only HTTP access to {@link Notes}, to specify how repository failures reach clients. */
@RestController
class NotesProbeController {

    private final Notes notes;

    NotesProbeController(Notes notes) {
        this.notes = notes;
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

    @GetMapping("/test/notes/{owner}")
    Page<Note> list(@PathVariable String owner, PageRequest page) {
        return notes.ofOwner(owner, page.cursor(), page.limit());
    }

    @GetMapping("/test/failure")
    void failure() {
        throw new IllegalStateException("secret internal detail");
    }
}
