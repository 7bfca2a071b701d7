package app.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry tables, as deployed, expire items by the attribute the registry writes: the local engine has no time to
 * live, so only their definitions can show it.
 */
class RegistryTablesTests {

    @ParameterizedTest
    @ValueSource(strings = { EventRegistryConfiguration.TABLE, EventRegistryConfiguration.ARCHIVE_TABLE })
    void theTableExpiresItemsByTheAttributeTheRegistryWrites(String table) throws IOException {
        try (InputStream in = new ClassPathResource("dynamodb/tables/" + table + ".json").getInputStream()) {
            JsonNode timeToLive = JsonMapper.builder().build().readTree(in).path("TimeToLiveSpecification");

            assertThat(timeToLive.path("AttributeName").asString()).isEqualTo(PublicationItems.EXPIRES_AT);
            assertThat(timeToLive.path("Enabled").asBoolean()).isTrue();
        }
    }
}
