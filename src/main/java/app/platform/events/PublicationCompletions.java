package app.platform.events;

import static app.platform.events.PublicationItems.*;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.support.CompletionMode;

import app.platform.dynamodb.SortableTime;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The registry's completions and removals, as the completion mode asks: a completed publication stays, to expire after
 * the retention ({@code update}), or leaves its completion marker ({@code delete}; {@code archive} after copying it to
 * the archive table), and so does one deleted once completed. Each is a conditional write on the state it expects.
 */
final class PublicationCompletions {

    private final DynamoDbClient client;
    private final String table;
    private final String archiveTable;
    private final PublicationItems items;
    private final PublicationLookups lookups;
    private final CompletionMode completionMode;
    private final Duration retention;
    private final Supplier<Instant> now;

    PublicationCompletions(DynamoDbClient client, String table, String archiveTable, PublicationItems items,
            PublicationLookups lookups, CompletionMode completionMode, Duration retention, Supplier<Instant> now) {
        this.client = client;
        this.table = table;
        this.archiveTable = archiveTable;
        this.items = items;
        this.lookups = lookups;
        this.completionMode = completionMode;
        this.retention = retention;
        this.now = now;
    }

    /**
     * Records the completion as the completion mode asks, whoever holds the claim; a publication not relayed yet gets
     * its marker. Whether this recorded it (not when it was recorded before).
     */
    boolean complete(UUID identifier, Instant completionDate) {
        return switch (completionMode) {
            case DELETE -> leaveMarker(identifier, completionDate);
            case ARCHIVE -> archive(identifier, completionDate);
            case UPDATE -> completeInPlace(identifier, completionDate);
        };
    }

    /**
     * Completes the publication in place, to expire after the retention; one not relayed yet gets its completion
     * marker instead. Whether this recorded the completion (not when it was recorded before).
     */
    private boolean completeInPlace(UUID identifier, Instant completionDate) {
        try {
            String update = "SET #status = :completed, #completedAt = :at, #completedShard = :shard, "
                    + "#completedSort = :sort, #expiresAt = :expires REMOVE #statusShard, #statusSort, #eventKey, "
                    + "#leaseUntil, #leaseOwner, #leaseId";
            String condition = "attribute_exists(#id) AND attribute_not_exists(#completedAt)";
            client.updateItem(request -> request.tableName(table).key(key(identifier))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(namesIn(update, condition))
                    .expressionAttributeValues(Map.of(
                            ":completed", s(Status.COMPLETED.name()),
                            ":at", s(SortableTime.format(completionDate)),
                            ":shard", s(items.completedShard(identifier)),
                            ":sort", s(sortKey(completionDate, identifier)),
                            ":expires", expiry(completionDate.plus(retention)))));
            return true;
        }
        catch (ConditionalCheckFailedException notRelayedYetOrCompleted) {
            return replaceByMarker(identifier, completionDate, "attribute_not_exists(#id)", new HashMap<>());
        }
    }

    /** Copies the publication, completed, to the archive table and leaves its completion marker in the registry. */
    private boolean archive(UUID identifier, Instant completionDate) {
        Map<String, AttributeValue> item = client.getItem(request -> request.tableName(table).key(key(identifier))
                .consistentRead(true)).item();
        if (item != null && item.containsKey(COMPLETED_AT)) {
            return false;
        }
        if (item != null && !item.isEmpty()) {
            Map<String, AttributeValue> archived = new HashMap<>(item);
            List.of(STATUS_SHARD, STATUS_SORT, EVENT_KEY, LEASE_UNTIL, LEASE_OWNER, LEASE_ID).forEach(archived::remove);
            archived.put(STATUS, s(Status.COMPLETED.name()));
            archived.put(COMPLETED_AT, s(SortableTime.format(completionDate)));
            archived.put(COMPLETED_SHARD, s(items.completedShard(identifier)));
            archived.put(COMPLETED_SORT, s(sortKey(completionDate, identifier)));
            client.putItem(request -> request.tableName(archiveTable).item(archived));
        }
        return leaveMarker(identifier, completionDate);
    }

    /**
     * Replaces the publication, whatever its claim, by its completion marker, or writes the marker where it is not
     * relayed yet; whether it did (not when it was completed before).
     */
    private boolean leaveMarker(UUID identifier, Instant completionDate) {
        return replaceByMarker(identifier, completionDate, "attribute_not_exists(#completedAt)", new HashMap<>());
    }

    /** Replaces the item by the publication's completion marker, dated now, if {@code expected} holds. */
    boolean replaceByMarker(UUID identifier, String expected, Map<String, AttributeValue> values) {
        return replaceByMarker(identifier, now.get(), expected, values);
    }

    /** Replaces the item by the publication's completion marker if {@code expected} holds; whether it did. */
    private boolean replaceByMarker(UUID identifier, Instant completionDate, String expected,
            Map<String, AttributeValue> values) {
        try {
            client.putItem(request -> request.tableName(table)
                    .item(items.marker(identifier, completionDate, completionDate.plus(retention)))
                    .conditionExpression(expected)
                    .expressionAttributeNames(namesIn(expected))
                    .expressionAttributeValues(values.isEmpty() ? null : values));
            return true;
        }
        catch (ConditionalCheckFailedException completedOrClaimed) {
            return false;
        }
    }

    /** Deletes the publication's archived copy, which is completed by definition (never an incomplete one). */
    void deleteArchived(UUID identifier) {
        try {
            client.deleteItem(request -> request.tableName(archiveTable).key(key(identifier))
                    .conditionExpression("#status = :completed")
                    .expressionAttributeNames(Map.of("#status", STATUS))
                    .expressionAttributeValues(Map.of(":completed", s(Status.COMPLETED.name()))));
        }
        catch (ConditionalCheckFailedException notArchived) {
            // Nothing archived under this id.
        }
    }

    /**
     * Deletes the completed publications (completed before a date, if given): archived copies in {@code archive} mode,
     * otherwise each completed publication is replaced by its completion marker, conditional on it still being
     * completed.
     */
    void deleteCompleted(Instant before) {
        List<UUID> completed = lookups.completed(before).map(item -> UUID.fromString(item.get(ID).s())).toList();
        if (completionMode == CompletionMode.ARCHIVE) {
            completed.forEach(this::deleteArchived);
            return;
        }
        completed.forEach(id -> replaceByMarker(id, "attribute_exists(#event) AND #status = :completed",
                new HashMap<>(Map.of(":completed", s(Status.COMPLETED.name())))));
    }
}
