package app.research;

import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the JSON a tracker keeps: its alert rules and its ranking history. */
@Component
class TrackerJson {

    private static final TypeReference<List<RankingSnapshot>> HISTORY = new TypeReference<>() {
    };

    private final JsonMapper json;

    TrackerJson(JsonMapper json) {
        this.json = json;
    }

    /** The rankings, oldest first. */
    List<RankingSnapshot> history(Tracker tracker) {
        return json.readValue(tracker.getHistory(), HISTORY);
    }

    AlertRules alerts(Tracker tracker) {
        return json.readValue(tracker.getAlerts(), AlertRules.class);
    }

    String write(Object value) {
        return json.writeValueAsString(value);
    }
}
