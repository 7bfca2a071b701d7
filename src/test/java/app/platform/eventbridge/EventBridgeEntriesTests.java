package app.platform.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.Externalized;

import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How an event becomes a PutEvents entry. */
class EventBridgeEntriesTests {

    private static final JsonMapper json = JsonMapper.builder().build();
    private final EventBridgeEntries entries = new EventBridgeEntries(json, "bus",
            Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));

    @Externalized("test.without.id")
    record WithoutId(String text) {
    }

    @Test
    void theEntryCarriesSourceDetailTypeBusTimeAndAnEnvelopeWithTheEventsOwnId() {
        NoteArchived event = new NoteArchived(UUID.randomUUID(), "owner", "text");

        PutEventsRequestEntry entry = entries.entryFor("test.note.archived", event);

        assertThat(entry.source()).isEqualTo("app.platform");
        assertThat(entry.detailType()).isEqualTo("test.note.archived");
        assertThat(entry.eventBusName()).isEqualTo("bus");
        assertThat(entry.time()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        JsonNode detail = json.readTree(entry.detail());
        assertThat(detail.path("eventId").asString()).isEqualTo(event.eventId().toString());
        assertThat(detail.path("source").asString()).isEqualTo("app.platform");
        assertThat(detail.path("payload").path("owner").asString()).isEqualTo("owner");
    }

    @Test
    void anEventWithoutIdGetsAnIdThatIsTheSameForTheSameContentSoConsumersCanDeduplicate() {
        String first = json.readTree(entries.entryFor("test.without.id", new WithoutId("a")).detail())
                .path("eventId").asString();
        String again = json.readTree(entries.entryFor("test.without.id", new WithoutId("a")).detail())
                .path("eventId").asString();
        String other = json.readTree(entries.entryFor("test.without.id", new WithoutId("b")).detail())
                .path("eventId").asString();

        assertThat(first).isEqualTo(again).isNotEqualTo(other);
    }

    @Test
    void theDetailTypeComesFromTheAnnotationAndTheSizeCountsAsEventBridgeCountsIt() {
        assertThat(EventBridgeEntries.detailTypeOf(NoteArchived.class)).isEqualTo("test.note.archived");
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder().source("ab").detailType("cde").detail("{}")
                .time(Instant.EPOCH).build();

        assertThat(EventBridgeEntries.sizeOf(entry)).isEqualTo(14 + 2 + 3 + 2);
    }

    @Test
    void anEntryOverTheLimitIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> entries.requireWithinLimit(new WithoutId("x".repeat(262_144))))
                .isInstanceOf(EventTooLargeForEventBridge.class)
                .hasMessageContaining("test.without.id")
                .hasMessageContaining("Carry a reference");
    }
}
