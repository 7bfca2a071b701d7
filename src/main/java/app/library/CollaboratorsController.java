package app.library;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.platform.dynamodb.Page;
import app.platform.security.CurrentUser;

/**
 * The collaborators of one of the caller's library items. Only the owner manages and lists them; for anyone else the
 * item does not exist (404). An address that belongs to no user is {@code 422 urn:problem-type:unknown-user}.
 */
@RestController
@RequestMapping("/api/v1/library/items/{id}/collaborators")
class CollaboratorsController {

    private final LibraryManagement library;

    CollaboratorsController(LibraryManagement library) {
        this.library = library;
    }

    record NewCollaborator(@NotBlank @Email @Size(max = 254) String email) {
    }

    record Collaborator(String userId, String email, String displayName, Instant addedAt) {

        static Collaborator of(Collaboration collaboration) {
            return new Collaborator(collaboration.getOwner(), collaboration.getEmail(),
                    collaboration.getDisplayName(), collaboration.getAddedAt());
        }
    }

    /** Adds the user with this address: 201 the first time, 200 when they already collaborate. */
    @PostMapping
    ResponseEntity<Collaborator> add(CurrentUser caller, @PathVariable String id,
            @Valid @RequestBody NewCollaborator collaborator) {
        LibraryManagement.Added added = library.addCollaborator(caller.id(), id, collaborator.email());
        Collaborator body = Collaborator.of(added.collaboration());
        if (!added.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create("/api/v1/library/items/" + id + "/collaborators/" + body.userId()))
                .body(body);
    }

    @GetMapping
    Page<Collaborator> list(CurrentUser caller, @PathVariable String id) {
        return new Page<>(library.collaborators(caller.id(), id).stream().map(Collaborator::of).toList(), null);
    }

    /** Ends the collaborator's access; sessions already following the item's topic keep it until they leave. */
    @DeleteMapping("/{userId}")
    ResponseEntity<Void> remove(CurrentUser caller, @PathVariable String id, @PathVariable String userId) {
        library.removeCollaborator(caller.id(), id, userId);
        return ResponseEntity.noContent().build();
    }
}
