package app.platform.dynamodb;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Finishes what a crash interrupted: finds items whose outbox was committed but not relayed (aggregates, and the items
 * of transactions that changed no aggregate, through each table's sparse {@code outbox} index, never a scan) and
 * relays it. Relaying is idempotent, so the sweeper may run on
 * every instance at once.
 */
public class OutboxSweeper {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

    private final DynamoDbClient client;
    private final DynamoDbTables tables;
    private final ItemWriter writer;
    private final Clock clock;
    private final Duration grace;

    OutboxSweeper(DynamoDbClient client, DynamoDbTables tables, ItemWriter writer, Clock clock, Duration grace) {
        this.client = client;
        this.tables = tables;
        this.writer = writer;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * Relays every outbox older than the grace period.
     *
     * @return how many outboxes were relayed
     */
    public int sweep() {
        return sweepOlderThan(grace);
    }

    /** Sweeps at start-up and then every {@code app.dynamodb.outbox-sweep-interval}. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${app.dynamodb.outbox-sweep-interval:30s}")
    void sweepRegularly() {
        try {
            sweep();
        }
        catch (RuntimeException e) {
            log.warn("Outbox sweep failed; retrying at the next interval: {}", e.toString());
        }
    }

    /** Relays every outbox older than {@code age} (zero: all of them). */
    public int sweepOlderThan(Duration age) {
        String before = SortableTime.format(clock.instant().minus(age));
        int relayed = 0;
        for (DynamoDbTables.DeclaredTable table : tables.tablesWithIndex(ItemWriter.OUTBOX_INDEX)) {
            for (String shard : ItemWriter.shards()) {
                relayed += sweep(table.name(), table.keyNames(), shard, before);
            }
        }
        if (relayed > 0) {
            log.info("Relayed {} outbox(es) left by an interrupted commit", relayed);
        }
        return relayed;
    }

    private int sweep(String table, List<String> keyNames, String shard, String before) {
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .indexName(ItemWriter.OUTBOX_INDEX)
                .keyConditionExpression("#shard = :shard AND #at <= :before")
                .expressionAttributeNames(Map.of("#shard", ItemWriter.OUTBOX_SHARD, "#at", ItemWriter.OUTBOX_AT))
                .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(shard),
                        ":before", AttributeValue.fromS(before)))
                .build();
        int relayed = 0;
        for (Map<String, AttributeValue> item : client.queryPaginator(query).items()) {
            Map<String, AttributeValue> key = new HashMap<>();
            keyNames.forEach(name -> key.put(name, item.get(name)));
            writer.relayPending(table, key, item);
            relayed++;
        }
        return relayed;
    }
}
