package app.platform.dynamodb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The record of the events an aggregate handled beyond those its item keeps inline ({@link Aggregate}): one receipt
 * item per aggregate and event in the {@code platform} table, {@code handled#<table>#<digest of the key>#<event id>},
 * kept for {@code app.dynamodb.handled-retention} (its {@code expiresAt}, the table's time-to-live attribute).
 *
 * <p>Receipts are written before the aggregate write that drops their ids from the item, and only for ids read from
 * the table, which a committed write stored: a receipt is true whether or not the write that follows it commits, so
 * writing it needs no transaction. A receipt past its {@code expiresAt} counts as absent whether DynamoDB's
 * time-to-live has deleted it yet or not (it does so within days, the local engine never), so a redelivery later than
 * the retention behaves the same everywhere: it is applied again.
 */
final class HandledEventReceipts {

    static final String EXPIRES_AT = "expiresAt";
    private static final int BATCH_LIMIT = 25;
    private static final int UNPROCESSED_RETRIES = 5;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;
    private final Duration retention;

    HandledEventReceipts(DynamoDbClient client, String table, Clock clock, Duration retention) {
        this.client = client;
        this.table = table;
        this.clock = clock;
        this.retention = retention;
    }

    /** Whether the aggregate handled the event: its item's inline ids, then, if it ever moved ids out, its receipt. */
    boolean hasHandled(Aggregate aggregate, String aggregateTable, Map<String, AttributeValue> aggregateKey,
            UUID eventId) {
        if (aggregate.hasHandledInline(eventId)) {
            return true;
        }
        Instant now = clock.instant();
        if (!aggregate.mayHaveReceipts(now)) {
            return false;
        }
        Map<String, AttributeValue> receipt = client.getItem(request -> request.tableName(table)
                .key(key(aggregateTable, aggregateKey, eventId.toString())).consistentRead(true)).item();
        return receipt != null && receipt.containsKey(EXPIRES_AT)
                && now.getEpochSecond() < Long.parseLong(receipt.get(EXPIRES_AT).n());
    }

    /**
     * Before the aggregate is written: stores receipts for the ids its item can no longer keep inline, then drops
     * them from it. Nothing is dropped unless every receipt was written.
     */
    void spill(Aggregate aggregate, String aggregateTable, Map<String, AttributeValue> aggregateKey) {
        List<String> eventIds = aggregate.handledEventsToSpill();
        if (eventIds.isEmpty()) {
            return;
        }
        Instant expiresAt = clock.instant().plus(retention);
        AttributeValue expiry = AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond()));
        List<WriteRequest> puts = eventIds.stream()
                .map(eventId -> {
                    Map<String, AttributeValue> item = new HashMap<>(key(aggregateTable, aggregateKey, eventId));
                    item.put(EXPIRES_AT, expiry);
                    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
                })
                .toList();
        for (int from = 0; from < puts.size(); from += BATCH_LIMIT) {
            write(puts.subList(from, Math.min(puts.size(), from + BATCH_LIMIT)));
        }
        aggregate.spilled(eventIds, expiresAt);
    }

    /** Puts are idempotent, so items DynamoDB left unprocessed (throttling) are simply sent again. */
    private void write(List<WriteRequest> batch) {
        List<WriteRequest> pending = batch;
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 0; ; attempt++) {
            List<WriteRequest> sent = pending;
            List<WriteRequest> unprocessed = client.batchWriteItem(request -> request.requestItems(Map.of(table, sent)))
                    .unprocessedItems().getOrDefault(table, List.of());
            if (unprocessed.isEmpty()) {
                return;
            }
            if (attempt == UNPROCESSED_RETRIES) {
                throw new IllegalStateException(unprocessed.size() + " handled-event receipt(s) could not be "
                        + "written to " + table + "; the aggregate keeps their ids until a later write");
            }
            pending = new ArrayList<>(unprocessed);
            LockSupport.parkNanos(backoff.toNanos());
            backoff = backoff.multipliedBy(2);
        }
    }

    /** The receipt's key: the aggregate's table, a digest of its key (which may be long or binary) and the event. */
    static Map<String, AttributeValue> key(String aggregateTable, Map<String, AttributeValue> aggregateKey,
            String eventId) {
        return Map.of("pk", AttributeValue.fromS("handled#" + aggregateTable + "#" + digest(aggregateKey) + "#"
                + eventId), "sk", AttributeValue.fromS("handled"));
    }

    private static String digest(Map<String, AttributeValue> key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(key).forEach((name, value) -> {
                sha256.update(name.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
                sha256.update(canonical(value));
                sha256.update((byte) 0);
            });
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Key attributes are strings, numbers or binary; the type is part of the value. */
    private static byte[] canonical(AttributeValue value) {
        if (value.s() != null) {
            return ("S:" + value.s()).getBytes(StandardCharsets.UTF_8);
        }
        if (value.n() != null) {
            return ("N:" + value.n()).getBytes(StandardCharsets.UTF_8);
        }
        SdkBytes binary = value.b();
        return ("B:" + Base64.getEncoder().encodeToString(binary.asByteArray())).getBytes(StandardCharsets.UTF_8);
    }
}
