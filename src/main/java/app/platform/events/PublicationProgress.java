package app.platform.events;

import static app.platform.events.PublicationItems.COMPLETED_AT;
import static app.platform.events.PublicationItems.ID;
import static app.platform.events.PublicationItems.LEASE_UNTIL;
import static app.platform.events.PublicationItems.STATUS;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.env.Environment;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.support.CompletionMode;
import org.springframework.stereotype.Component;

import app.platform.dynamodb.DynamoDbTables;
import app.platform.dynamodb.SortableTime;
import app.platform.dynamodb.UnitOfWork;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which event publications a transaction created, and how far each has come since: for a caller that must not answer
 * before the listeners of its transaction have completed (an AWS Lambda function, which is frozen once it answers). The
 * registry is read by publication id with strongly consistent reads, never through an index, so a listener that has
 * just completed or failed is seen at once.
 */
@Component
public class PublicationProgress {

    /** How far a publication has come. */
    public enum Stage {
        /** Its listener completed. */
        COMPLETED,
        /** Its listener runs, here or on another instance, under a lease that holds. */
        RUNNING,
        /** Its listener failed (exhausted publications included); it waits for a resubmission. */
        FAILED,
        /** Nobody runs it: published and not claimed, or claimed under a lease that expired (its instance stopped). */
        UNCLAIMED,
        /** Not in the registry yet: its transaction committed but the relay of its outbox has not finished. */
        NOT_RELAYED
    }

    private final DynamoDbClient client;
    private final String table;
    private final String archiveTable;
    private final CompletionMode completionMode;
    private final Clock clock;

    PublicationProgress(DynamoDbClient client, DynamoDbTables tables, Environment environment, Clock clock) {
        this.client = client;
        this.table = tables.physicalName(EventRegistryConfiguration.TABLE);
        this.archiveTable = tables.physicalName(EventRegistryConfiguration.ARCHIVE_TABLE);
        this.completionMode = CompletionMode.from(environment);
        this.clock = clock;
    }

    /** The ids of the publications the transaction active on this thread has created so far; none outside one. */
    public List<UUID> createdInCurrentTransaction() {
        return UnitOfWork.current().map(work -> work.publications().stream()
                .map(item -> UUID.fromString(item.get(ID).s())).toList())
                .orElse(List.of());
    }

    /** The stage of each publication, in the order given; one read per publication. */
    public Map<UUID, Stage> of(Collection<UUID> publications) {
        Map<UUID, Stage> stages = new LinkedHashMap<>();
        publications.forEach(id -> stages.put(id, stageOf(id)));
        return stages;
    }

    private Stage stageOf(UUID publication) {
        Map<String, AttributeValue> item = read(table, publication);
        if (item.isEmpty()) {
            return switch (completionMode) {
                case DELETE -> Stage.COMPLETED; // a completed publication is deleted: not told from an unrelayed one
                case ARCHIVE -> read(archiveTable, publication).isEmpty() ? Stage.NOT_RELAYED : Stage.COMPLETED;
                case UPDATE -> Stage.NOT_RELAYED;
            };
        }
        if (item.containsKey(COMPLETED_AT)) {
            return Stage.COMPLETED;
        }
        return switch (Status.valueOf(item.get(STATUS).s())) {
            case COMPLETED -> Stage.COMPLETED;
            case FAILED -> Stage.FAILED;
            case PUBLISHED -> Stage.UNCLAIMED;
            case PROCESSING, RESUBMITTED -> leaseHolds(item) ? Stage.RUNNING : Stage.UNCLAIMED;
        };
    }

    private boolean leaseHolds(Map<String, AttributeValue> item) {
        AttributeValue until = item.get(LEASE_UNTIL);
        return until != null && SortableTime.parse(until.s()).isAfter(Instant.now(clock));
    }

    private Map<String, AttributeValue> read(String source, UUID publication) {
        Map<String, AttributeValue> item = client.getItem(request -> request.tableName(source)
                .key(Map.of(ID, AttributeValue.fromS(publication.toString()))).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }
}
