package app.library;

import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.users.UserAccountCreated;
import app.users.UserProfileUpdated;

/**
 * Keeps the library's copy of each user (e-mail address, to add collaborators by address; display name, for
 * presence) from the users module's events, each applied once (a conflicting write fails the listener, and the
 * event is delivered again).
 */
@Component
class MemberListeners {

    private final LibraryMembers members;

    MemberListeners(LibraryMembers members) {
        this.members = members;
    }

    @ApplicationModuleListener
    void on(UserAccountCreated created) {
        update(created.userId(), created.eventId(), member -> {
            member.setEmail(created.email());
            member.setDisplayName(created.displayName());
        });
    }

    @ApplicationModuleListener
    void on(UserProfileUpdated updated) {
        update(updated.userId(), updated.eventId(), member -> member.setDisplayName(updated.displayName()));
    }

    private void update(String userId, UUID eventId, Consumer<LibraryMember> change) {
        LibraryMember member = members.of(userId).orElseGet(() -> LibraryMember.of(userId));
        if (members.hasHandled(member, eventId)) {
            return;
        }
        change.accept(member);
        member.markHandled(eventId);
        members.save(member);
    }
}
