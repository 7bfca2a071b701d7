package app.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** What an aggregate's item remembers of the events it handled, and which ids it moves out to receipts. */
class AggregateTests {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void anAggregateRemembersTheEventsItHandled() {
        Tally tally = Tally.of("owner");
        UUID handled = UUID.randomUUID();

        tally.markHandled(handled);

        assertThat(tally.hasHandledInline(handled)).isTrue();
        assertThat(tally.hasHandledInline(UUID.randomUUID())).isFalse();
    }

    @Test
    void nothingMovesOutWhileTheInlineListHasRoom() {
        Tally tally = readWith(Aggregate.REMEMBERED_EVENTS - 1);
        tally.markHandled(UUID.randomUUID());

        assertThat(tally.handledEventsToSpill()).isEmpty();
        assertThat(tally.mayHaveReceipts(NOW)).as("an aggregate that never moved ids out").isFalse();
    }

    @Test
    void onceFullTheOldestStoredIdsMoveOutABatchAtATime() {
        Tally tally = readWith(Aggregate.REMEMBERED_EVENTS);
        List<String> stored = List.copyOf(tally.getHandledEvents());
        UUID latest = UUID.randomUUID();
        tally.markHandled(latest);

        List<String> spilled = tally.handledEventsToSpill();

        assertThat(spilled).containsExactlyElementsOf(stored.subList(0, Aggregate.SPILLED_AT_ONCE));
        tally.spilled(spilled, NOW.plus(Duration.ofDays(8)));
        assertThat(tally.getHandledEvents()).hasSize(Aggregate.REMEMBERED_EVENTS + 1 - Aggregate.SPILLED_AT_ONCE)
                .doesNotContainAnyElementsOf(spilled).endsWith(latest.toString());
        assertThat(tally.handledEventsToSpill()).as("room for the next events").isEmpty();
    }

    @Test
    void idsNotYetStoredNeverMoveOut() {
        Tally tally = readWith(10);
        List<String> stored = List.copyOf(tally.getHandledEvents());
        IntStream.range(0, Aggregate.REMEMBERED_EVENTS).forEach(i -> tally.markHandled(UUID.randomUUID()));

        assertThat(tally.handledEventsToSpill()).as("only the ids a committed write stored")
                .containsExactlyElementsOf(stored);
        Tally created = Tally.of("new");
        IntStream.range(0, Aggregate.REMEMBERED_EVENTS + 50).forEach(i -> created.markHandled(UUID.randomUUID()));
        assertThat(created.handledEventsToSpill()).as("a new aggregate stored none").isEmpty();
    }

    @Test
    void anAggregateThatMovedIdsOutLooksThemUpUntilItsLastReceiptsExpire() {
        Tally tally = readWith(Aggregate.REMEMBERED_EVENTS + 1);

        tally.spilled(tally.handledEventsToSpill(), NOW.plus(Duration.ofDays(8)));
        tally.spilled(List.of(), NOW.plus(Duration.ofDays(1)));

        assertThat(tally.getHandledEventReceiptsUntil()).isEqualTo(NOW.plus(Duration.ofDays(8)).getEpochSecond());
        assertThat(tally.mayHaveReceipts(NOW.plus(Duration.ofDays(8)).minusSeconds(1))).isTrue();
        assertThat(tally.mayHaveReceipts(NOW.plus(Duration.ofDays(8)))).as("every receipt expired").isFalse();
    }

    /** A tally as read from its table, with this many handled ids stored. */
    private static Tally readWith(int handled) {
        Tally tally = Tally.of("owner");
        tally.setHandledEvents(IntStream.range(0, handled).mapToObj(i -> UUID.randomUUID().toString()).toList());
        return tally;
    }
}
