package app.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What an aggregate remembers of the events it handled. */
class AggregateTests {

    @Test
    void anAggregateRemembersTheEventsItHandled() {
        Tally tally = Tally.of("owner");
        UUID handled = UUID.randomUUID();

        tally.markHandled(handled);

        assertThat(tally.hasHandled(handled)).isTrue();
        assertThat(tally.hasHandled(UUID.randomUUID())).isFalse();
    }

    @Test
    void itKeepsTheMostRecentHundredAndForgetsTheOldest() {
        Tally tally = Tally.of("owner");
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < Aggregate.REMEMBERED_EVENTS + 1; i++) {
            events.add(UUID.randomUUID());
            tally.markHandled(events.getLast());
        }

        assertThat(tally.getHandledEvents()).hasSize(Aggregate.REMEMBERED_EVENTS);
        assertThat(tally.hasHandled(events.getFirst())).isFalse();
        assertThat(tally.hasHandled(events.getLast())).isTrue();
    }
}
