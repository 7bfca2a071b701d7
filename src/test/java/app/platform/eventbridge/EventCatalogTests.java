package app.platform.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import app.platform.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event catalog generated from the code. Running this writes the application's catalog (its own events, not the
 * tests') to {@code target/event-catalog/}.
 */
@PlatformIntegrationTest
class EventCatalogTests {

    @Autowired
    ExternalizedEventTypes types;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    @Test
    void eachDetailTypeHasItsSourceTypeSchemaAndListeners(@TempDir Path folder) throws Exception {
        EventCatalog catalog = EventCatalog.of(types, context, type -> type == NoteArchived.class);

        EventCatalog.Entry entry = catalog.events().getFirst();
        assertThat(entry.detailType()).isEqualTo("test.note.archived");
        assertThat(entry.source()).isEqualTo("app.platform");
        assertThat(entry.type()).isEqualTo(NoteArchived.class.getName());
        assertThat(entry.schema()).containsEntry("required", java.util.List.of("eventId", "owner", "text"));
        assertThat(entry.schema().get("properties")).isInstanceOfSatisfying(Map.class, properties -> assertThat(
                properties.get("eventId")).isEqualTo(Map.of("type", "string", "format", "uuid")));
        assertThat(entry.listeners()).contains(NoteArchivedListener.class.getName() + ".on");

        catalog.writeTo(folder, json);
        JsonNode written = json.readTree(Files.readString(folder.resolve("events.json")));
        assertThat(written.path("events").get(0).path("detailType").asString()).isEqualTo("test.note.archived");
        assertThat(Files.readString(folder.resolve("README.md"))).contains("| `test.note.archived` | `app.platform` |");
    }

    @Test
    void theApplicationsCatalogIsWrittenUnderTarget() throws Exception {
        EventCatalog catalog = EventCatalog.of(types, context, EventCatalogTests::isApplicationClass);
        Path folder = Path.of("target", "event-catalog");

        catalog.writeTo(folder, json);

        assertThat(catalog.events()).allSatisfy(entry -> assertThat(entry.type()).doesNotContain("Test"));
        assertThat(folder.resolve("events.json")).exists();
        assertThat(folder.resolve("README.md")).exists();
    }

    /** Classes of the application itself, not of its tests. */
    private static boolean isApplicationClass(Class<?> type) {
        return !type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes");
    }
}
