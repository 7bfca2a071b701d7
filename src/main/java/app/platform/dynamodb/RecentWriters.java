package app.platform.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The writers ({@link ItemWriter#WRITTEN_BY}) of the items a repository read lately, by key and version, so that the
 * save of an item read by {@code find} carries them on although the mapped item does not hold them. An entry is needed
 * only between a read and the write that follows it, so few are kept; a save that finds none stores its own
 * transaction alone, which only shortens the history a writer recognises its lost write by.
 */
final class RecentWriters {

    private static final int CAPACITY = 1024;

    private final Map<State, List<String>> byState = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<State, List<String>> eldest) {
                    return size() > CAPACITY;
                }
            });

    /** Remembers the writers of an item as read; {@code version} is {@code null} for an item without one. */
    void read(Map<String, AttributeValue> key, AttributeValue version, List<String> writers) {
        if (!writers.isEmpty()) {
            byState.put(new State(key, version), writers);
        }
    }

    /** The writers of the item with this key at this version, as last read, or none. */
    List<String> of(Map<String, AttributeValue> key, AttributeValue version) {
        return byState.getOrDefault(new State(key, version), List.of());
    }

    private record State(Map<String, AttributeValue> key, AttributeValue version) {
    }
}
