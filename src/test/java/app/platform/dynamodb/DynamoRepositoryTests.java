package app.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.platform.PlatformIntegrationTest;

/** The repository base against the local DynamoDB engine, outside transactions (writes apply at once). */
@PlatformIntegrationTest
class DynamoRepositoryTests {

    @Autowired
    Notes notes;

    private final String owner = "owner-" + UUID.randomUUID();

    @Test
    void createThenFindReturnsTheItemAtVersionOne() {
        notes.create(Note.of(owner, "n1", "hello"));

        Note found = notes.find(Note.key(owner, "n1")).orElseThrow();

        assertThat(found.getText()).isEqualTo("hello");
        assertThat(found.getVersion()).isEqualTo(1L);
    }

    @Test
    void createOfAnExistingKeyIsADuplicateAndKeepsTheFirstItem() {
        notes.create(Note.of(owner, "n1", "first"));

        assertThatThrownBy(() -> notes.create(Note.of(owner, "n1", "second"))).isInstanceOf(DuplicateItem.class);
        assertThat(notes.find(Note.key(owner, "n1")).orElseThrow().getText()).isEqualTo("first");
    }

    @Test
    void saveAdvancesTheVersionAndAStaleCopyIsRefused() {
        notes.create(Note.of(owner, "n1", "v1"));
        Note mine = notes.find(Note.key(owner, "n1")).orElseThrow();
        Note theirs = notes.find(Note.key(owner, "n1")).orElseThrow();

        theirs.setText("theirs");
        notes.save(theirs);
        mine.setText("mine");

        assertThatThrownBy(() -> notes.save(mine)).isInstanceOf(StaleItem.class);
        Note stored = notes.find(Note.key(owner, "n1")).orElseThrow();
        assertThat(stored.getText()).isEqualTo("theirs");
        assertThat(stored.getVersion()).isEqualTo(2L);
    }

    @Test
    void deleteRemovesTheItem() {
        notes.create(Note.of(owner, "n1", "bye"));

        notes.delete(Note.key(owner, "n1"));

        assertThat(notes.find(Note.key(owner, "n1"))).isEmpty();
    }

    @Test
    void anUpdateThatLostARaceAppliesItsChangeToTheItemAsAnotherWriterLeftIt() {
        notes.create(Note.of(owner, "n1", "v1"));
        AtomicInteger runs = new AtomicInteger();

        Note updated = notes.update(Note.key(owner, "n1"), note -> {
            if (runs.incrementAndGet() == 1) {
                CompletableFuture.runAsync(() -> notes.update(Note.key(owner, "n1"),
                        theirs -> theirs.setText(theirs.getText() + ", theirs"))).join();
            }
            note.setText(note.getText() + ", mine");
        }).orElseThrow();

        assertThat(runs).as("read again after losing the race").hasValue(2);
        assertThat(updated.getText()).isEqualTo("v1, theirs, mine");
        assertThat(updated.getVersion()).isEqualTo(3L);
        assertThat(notes.find(Note.key(owner, "n1")).orElseThrow().getText()).isEqualTo("v1, theirs, mine");
    }

    @Test
    void anUpdateWithNothingToChangeWritesNothingAndAnUpdateOfNoItemFindsNone() {
        notes.create(Note.of(owner, "n1", "v1"));

        Note found = notes.updateIfChanged(Note.key(owner, "n1"), note -> false).orElseThrow();

        assertThat(found.getVersion()).isEqualTo(1L);
        assertThat(notes.find(Note.key(owner, "n1")).orElseThrow().getVersion()).isEqualTo(1L);
        assertThat(notes.update(Note.key(owner, "absent"), note -> note.setText("never"))).isEmpty();
        assertThat(notes.find(Note.key(owner, "absent"))).isEmpty();
    }

    @Test
    void updateOrCreateCreatesAnAbsentItemAndChangesAPresentOne() {
        Note created = notes.updateOrCreate(Note.key(owner, "n1"), () -> Note.of(owner, "n1", "new"),
                note -> note.setText(note.getText() + "!"));
        Note changed = notes.updateOrCreate(Note.key(owner, "n1"), () -> Note.of(owner, "n1", "new"),
                note -> note.setText(note.getText() + "!"));

        assertThat(created.getText()).isEqualTo("new!");
        assertThat(created.getVersion()).isEqualTo(1L);
        assertThat(changed.getText()).isEqualTo("new!!");
        assertThat(changed.getVersion()).isEqualTo(2L);
    }

    /** Found by the API fuzzer: an id from a client longer than DynamoDB allows in a key answered 500. */
    @Test
    void aKeyOverDynamoDbsSizeLimitFindsNothing() {
        assertThat(notes.find(Note.key(owner, "x".repeat(5000)))).isEmpty();
        assertThat(notes.find(Note.key("y".repeat(3000), "n1"))).isEmpty();
    }

    @Test
    void cursorPagingVisitsEveryItemOnceInKeyOrder() {
        for (int i = 0; i < 7; i++) {
            notes.create(Note.of(owner, "n" + i, "text " + i));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Note> page = notes.ofOwner(owner, cursor, 3);
            page.items().forEach(note -> seen.add(note.getId()));
            cursor = page.nextCursor();
            pages++;
        }
        while (cursor != null);

        assertThat(seen).containsExactly("n0", "n1", "n2", "n3", "n4", "n5", "n6");
        assertThat(pages).isBetween(3, 4);
    }

    @Test
    void aCursorIsRefusedForAnotherCollectionOrWhenAltered() {
        for (int i = 0; i < 3; i++) {
            notes.create(Note.of(owner, "n" + i, "text"));
        }
        String cursor = notes.ofOwner(owner, null, 2).nextCursor();
        assertThat(cursor).isNotNull();

        assertThatThrownBy(() -> notes.ofOwner("someone-else", cursor, 2)).isInstanceOf(InvalidCursor.class);
        String altered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);
        assertThatThrownBy(() -> notes.ofOwner(owner, altered, 2)).isInstanceOf(InvalidCursor.class);
        assertThatThrownBy(() -> notes.ofOwner(owner, "not-a-cursor", 2)).isInstanceOf(InvalidCursor.class);
    }
}
