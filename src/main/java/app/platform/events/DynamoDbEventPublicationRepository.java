package app.platform.events;

import static app.platform.events.PublicationItems.*;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.modulith.events.support.CompletionMode;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import app.platform.dynamodb.OutboxRelay;
import app.platform.dynamodb.SortableTime;
import app.platform.dynamodb.UnitOfWork;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Spring Modulith's event publication registry on DynamoDB.
 *
 * <p>A publication created inside a transaction is not written here: it joins the transaction's {@link UnitOfWork}
 * and reaches the table through the aggregate's outbox at commit ({@link #relay}), so a rolled-back transaction
 * leaves none behind. Outside a transaction it is written at once. Status changes are single conditional updates,
 * so that of several instances sharing the table only one claims a publication for resubmission. Lookups use the
 * sparse {@code status}, {@code event} and {@code completed} indexes, never a scan ({@link PublicationLookups});
 * completions and removals follow the completion mode ({@link PublicationCompletions}).
 *
 * <p>A publication that fails after {@code maxAttempts} attempts is <em>exhausted</em>: still {@code FAILED} for Spring
 * Modulith, but moved to its own status index partition, so that {@link #findFailedPublications} (the retrier's
 * lookup) never reads it again and poison publications cannot fill the retrier's batches. An operator resubmits it
 * through {@code /actuator/eventpublications}, which gives it one more attempt.
 *
 * <p>Events are deserialized only when asked for ({@link StoredPublication}). The lookups through which Spring Modulith
 * resubmits publications ({@code findIncompletePublications*}, {@link #findFailedPublications}) hand over only those
 * whose event this instance can read: one whose class it lacks (a newer version added it during a rolling deploy) or
 * whose payload is corrupt is skipped, logged and counted once, and listed at {@code /actuator/eventpublications}; it
 * never keeps the others from being resubmitted. {@link #failExpired}, which needs ids and dates only, fails a stale
 * unreadable publication like any other.
 *
 * <p>Every claim ({@link #relayForDispatch}, {@link #markProcessing}, {@link #markResubmitted}) writes a lease
 * ({@link Leases}) that counts from the claim, and no claim takes a live lease another instance holds. While the
 * listener runs, this instance renews the lease ({@link #renewLeases}); a lease that expires (its instance died, or
 * its listener hung past {@code maxProcessing}) is failed by {@link #failExpired} and retried. Spring Modulith's own
 * staleness monitor counts from the publication date and would fail a listener that merely runs long: it stays off.
 *
 * <p>A publication never leaves the table without a trace while a relay may still bring it: completed in
 * {@code delete} or {@code archive} mode, completed before its relay, or deleted once completed, it is replaced by its
 * completion marker ({@link PublicationItems}), so that a relay of an outbox whose clearing failed cannot write it
 * anew and run its listener again. Completed publications ({@code update} mode) and markers expire after
 * {@code completedRetention} through the table's time to live. Every removal is a conditional write on the state it
 * expects (not completed yet; completed; not claimed by another instance), never a blind delete.
 */
class DynamoDbEventPublicationRepository implements EventPublicationRepository, OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbEventPublicationRepository.class);

    /** The status index partitions (before their {@code #<shard>}) of the publications that have not completed. */
    static final List<String> INCOMPLETE = List.of(Status.PUBLISHED.name(), Status.PROCESSING.name(),
            Status.RESUBMITTED.name(), Status.FAILED.name(), EXHAUSTED);
    /** The partitions of claimed publications, whose leases expire. */
    private static final List<String> CLAIMED = List.of(Status.PROCESSING.name(), Status.RESUBMITTED.name());

    /** The batch of a lookup without a limit. */
    private static final long ALL = Long.MAX_VALUE;

    /** Writes a claim's lease and sorts the publication by its expiry, keeping its publication sort key. */
    private static final String CLAIM = ", #statusSort = :leaseSort, #publishedSort = if_not_exists(#publishedSort, "
            + "#statusSort), #leaseUntil = :leaseUntil, #leaseOwner = :leaseOwner, #leaseId = :leaseId";
    /** Drops the lease and sorts the publication by its publication date again (still the sort key of older items). */
    private static final String RELEASE = ", #statusSort = if_not_exists(#publishedSort, #statusSort) "
            + "REMOVE #leaseUntil, #leaseOwner, #leaseId";
    /** A lease that does not hold any more, or was never taken. */
    private static final String NO_LIVE_LEASE = "attribute_not_exists(#leaseUntil) OR #leaseUntil < :now";

    private final DynamoDbClient client;
    private final String table;
    private final PublicationItems items;
    private final PublicationLookups lookups;
    private final PublicationCompletions completions;
    private final int maxAttempts;
    private final Leases leases;
    private final Duration publishedStaleness;
    private EventRegistryMetrics metrics;
    /** Publications this instance relayed as processing, until their listener starts; bounded, expiring. */
    private final Cache<UUID, String> claimedAtRelay = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    /** Publications found unreadable and reported (logged and counted), so that each is reported once. */
    private final Cache<UUID, Boolean> reportedUnreadable = Caffeine.newBuilder().maximumSize(10_000).build();
    /** The state in which lookups read the publications they handed out, for the claims that follow. */
    private final ReadStates readStates = new ReadStates();
    /** Read by the gauge and the health indicator: a few seconds old at most. */
    private final LoadingCache<String, Integer> partitionCounts;

    /**
     * @param publishedStaleness how long a publication may stay published (relayed on behalf of a crashed commit, so
     *     nobody is about to run it) before {@link #failExpired} fails it, so that the retrier runs it
     * @param completedRetention how long a completed publication, or its completion marker, stays before it expires
     */
    DynamoDbEventPublicationRepository(DynamoDbClient client, String table, String archiveTable,
            PublicationItems items, CompletionMode completionMode, int maxAttempts, Leases leases,
            Duration publishedStaleness, Duration completedRetention) {
        this.client = client;
        this.table = table;
        this.items = items;
        this.lookups = new PublicationLookups(client, table, archiveTable, items, completionMode);
        this.completions = new PublicationCompletions(client, table, archiveTable, items, lookups, completionMode,
                completedRetention, leases::now);
        this.partitionCounts = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).build(lookups::size);
        this.maxAttempts = maxAttempts;
        this.leases = leases;
        this.publishedStaleness = publishedStaleness;
    }

    /** Starts counting outcomes in these metrics. */
    void measureWith(EventRegistryMetrics metrics) {
        this.metrics = metrics;
    }

    /** The publication date of the oldest publication that has not completed, through one read per index partition. */
    Optional<Instant> oldestIncomplete() {
        return lookups.statusItems(INCOMPLETE, null, 1).findFirst()
                .map(item -> SortableTime.parse(item.get(PUBLISHED_AT).s()));
    }

    /** How many failed publications have used up their attempts; counted at most 5 seconds ago. */
    int exhausted() {
        return partitionCounts.get(EXHAUSTED);
    }

    /** The incomplete publications counted by status index partition ({@link #INCOMPLETE}), in that order. */
    Map<String, Integer> incompleteCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        INCOMPLETE.forEach(partition -> counts.put(partition, lookups.size(partition)));
        return counts;
    }

    /** The oldest incomplete publications, at most {@code limit}, read as one page per index partition. */
    List<StoredPublication> oldestIncomplete(int limit) {
        return lookups.oldestFirst(INCOMPLETE, null, limit).limit(limit).toList();
    }

    @Override
    public TargetEventPublication create(TargetEventPublication publication) {
        Map<String, AttributeValue> item = items.toItem(publication);
        UnitOfWork.current().ifPresentOrElse(work -> work.addPublication(item, EVENT), () -> {
            putIfAbsent(table, item);
            count(metrics -> metrics.published(1));
        });
        return publication;
    }

    /**
     * Writes the publications that are not there yet. One that completed meanwhile left its completion marker, so a
     * relay of an outbox whose clearing failed never writes a completed publication anew.
     */
    @Override
    public void relay(List<Map<String, AttributeValue>> publications) {
        int written = (int) publications.stream().filter(item -> putIfAbsent(table, item)).count();
        count(metrics -> metrics.published(written));
    }

    /**
     * Writes the publications of a transaction this instance just committed as already {@code PROCESSING}, under a
     * lease: their listeners run right after, here, so the claim that {@link #markProcessing} would write is part of
     * this write (one conditional write per publication fewer). Should this instance stop before a listener ends, the
     * lease expires and the publication is failed and retried, or resubmitted at once by the next start of a sole
     * instance.
     */
    @Override
    public void relayForDispatch(List<Map<String, AttributeValue>> publications) {
        int written = 0;
        for (Map<String, AttributeValue> item : publications) {
            UUID id = UUID.fromString(item.get(ID).s());
            Lease lease = leases.next();
            if (putIfAbsent(table, items.asProcessing(item, lease))) {
                leases.hold(id, lease);
                claimedAtRelay.put(id, lease.id());
                written++;
            }
        }
        int published = written;
        count(metrics -> metrics.published(published));
    }

    /**
     * Claims the publication for its listener, which is about to run here: one this instance claimed for resubmission,
     * or one not claimed yet (published, or with a lease that no longer holds).
     */
    @Override
    public void markProcessing(UUID identifier) {
        String relayedUnder = claimedAtRelay.asMap().remove(identifier);
        if (relayedUnder != null && leases.held(identifier).filter(held -> held.id().equals(relayedUnder)).isPresent()) {
            return; // written as processing, under the lease this instance still holds, when it was relayed
        }
        Map<String, AttributeValue> values = new HashMap<>();
        String unclaimed = "#status <> :status AND (" + claimable(values) + ")";
        String condition = leases.held(identifier).map(mine -> {
            values.put(":mine", s(mine.id()));
            return "#leaseId = :mine OR (" + unclaimed + ")";
        }).orElse(unclaimed);
        claim(identifier, Status.PROCESSING, "", condition, values);
    }

    /**
     * Fails the publication: into the failed partition while it has attempts left, otherwise into the exhausted one
     * (a second conditional write, made only for publications out of attempts). Its lease is released. The failure is
     * recorded only on this instance's claim: if this instance held a lease that another instance has taken over
     * since, or never got the claim (its listener ran although {@link #markProcessing} found another instance's live
     * lease), the publication is left to the instance that holds it.
     */
    @Override
    public void markFailed(UUID identifier) {
        Map<String, AttributeValue> values = new HashMap<>();
        String condition = leases.held(identifier).map(mine -> {
            values.put(":mine", s(mine.id()));
            return "#status <> :status AND (attribute_not_exists(#leaseId) OR #leaseId = :mine)";
        }).orElseGet(() -> "#status <> :status AND (" + claimable(values) + ")");
        try {
            fail(identifier, condition, values);
        }
        finally {
            leases.release(identifier); // only now: until the failure is recorded, nothing here may claim it again
        }
    }

    /**
     * Claims the publication for resubmission. The claim is a compare-and-set on the status and attempt count at which
     * this instance read it ({@link #findIncompletePublications()}, {@link #findFailedPublications}): if another
     * instance claimed it, or its listener has started since, the state differs and the claim fails. A publication not
     * read here can be claimed only while published or failed. In both cases a live lease of another instance wins
     * ({@link Leases}): a listener that is running is not run a second time.
     */
    @Override
    public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
        ReadStates.Read seen = readStates.take(identifier);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", AttributeValue.fromN("1"),
                ":at", s(SortableTime.format(resubmissionDate))));
        String unchanged;
        if (seen != null) {
            unchanged = "#status = :seenStatus AND #attempts = :seenAttempts";
            values.put(":seenStatus", s(seen.status().name()));
            values.put(":seenAttempts", AttributeValue.fromN(Integer.toString(seen.attempts())));
        }
        else {
            unchanged = "#status IN (:published, :failed)";
            values.put(":published", s(Status.PUBLISHED.name()));
            values.put(":failed", s(Status.FAILED.name()));
        }
        String condition = leases.held(identifier).isPresent()
                ? unchanged + " AND (" + NO_LIVE_LEASE + ")"
                : unchanged + " AND (" + claimable(values) + ")";
        values.put(":now", s(SortableTime.format(leases.now())));
        boolean claimed = claim(identifier, Status.RESUBMITTED, ", #attempts = #attempts + :one, #resubmittedAt = :at",
                condition, values);
        if (claimed) {
            count(EventRegistryMetrics::retried);
        }
        return claimed;
    }

    /**
     * Whether a claim of this publication, read just now, would take a lease that still holds: a listener runs it on
     * another instance, or here.
     */
    boolean leaseHolds(StoredPublication publication) {
        return !leases.claimable(publication.getIdentifier(), publication.leaseUntil().orElse(null),
                publication.leaseOwner());
    }

    /**
     * Renews the leases of the claims this instance holds whose listener still runs, conditional on the claim being
     * the one in the table (not completed, failed or taken over since); never throws. A claim held for longer than
     * {@code maxProcessing} is no longer renewed, so that its hung listener is taken over once the lease expires.
     *
     * @return how many leases were renewed
     */
    int renewLeases() {
        Leases.Due due = leases.due();
        due.abandoned().forEach(id -> log.warn("The listener of event publication {} has run for longer than the "
                + "maximum processing time: its lease is no longer renewed and it will be taken over once it expires",
                id));
        int renewed = 0;
        for (Map.Entry<UUID, Leases.Claim> claim : due.renew()) {
            if (renew(claim.getKey(), claim.getValue(), due.until())) {
                renewed++;
            }
        }
        return renewed;
    }

    private boolean renew(UUID identifier, Leases.Claim claim, Instant until) {
        Lease renewed = claim.lease().extendedTo(until);
        try {
            String update = "SET #leaseUntil = :until, #statusSort = :sort";
            String condition = "#leaseId = :leaseId AND attribute_not_exists(#completedAt)";
            client.updateItem(request -> request.tableName(table).key(key(identifier))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(namesIn(update, condition))
                    .expressionAttributeValues(Map.of(":until", s(SortableTime.format(until)),
                            ":sort", s(sortKey(until, identifier)), ":leaseId", s(renewed.id()))));
            leases.renewed(identifier, claim, renewed);
            count(EventRegistryMetrics::leaseRenewed);
            return true;
        }
        catch (ConditionalCheckFailedException lost) {
            if (leases.release(identifier, claim)) {
                log.warn("Event publication {} is no longer claimed by this instance while its listener still runs: its "
                        + "lease expired and it was failed, or another instance took it over", identifier);
                count(EventRegistryMetrics::leaseLost);
            }
            return false;
        }
        catch (RuntimeException e) {
            log.warn("Renewing the lease of event publication {} failed; next try before it expires: {}", identifier,
                    e.toString());
            return false;
        }
    }

    /**
     * Fails the claimed publications whose lease expired (their instance died, or their listener hung) and the
     * published ones nobody claimed for {@code publishedStaleness} (relayed on behalf of a crashed commit), so that
     * the retrier runs them again. Each is found by a range query on its status index partition (claimed ones are
     * sorted by lease expiry) and failed by a conditional write: a lease renewed meanwhile wins.
     *
     * @return how many publications were failed
     */
    int failExpired() {
        Instant now = leases.now();
        Instant staleBefore = now.minus(publishedStaleness);
        int failed = 0;
        for (String status : CLAIMED) {
            for (Map<String, AttributeValue> item : lookups.sortedBefore(status, now)) {
                if (expire(item, now, staleBefore)) {
                    failed++;
                }
            }
        }
        for (Map<String, AttributeValue> item : lookups.sortedBefore(Status.PUBLISHED.name(), staleBefore)) {
            UUID id = UUID.fromString(item.get(ID).s());
            if (fail(id, "#status = :published", Map.of(":published", s(Status.PUBLISHED.name())))) {
                log.warn("Event publication {} to {} was not claimed within {}: marked failed, to be retried", id,
                        item.get(LISTENER).s(), publishedStaleness);
                failed++;
            }
        }
        return failed;
    }

    private boolean expire(Map<String, AttributeValue> item, Instant now, Instant staleBefore) {
        UUID id = UUID.fromString(item.get(ID).s());
        // Claims written before leases existed have none: they are stale like unclaimed publications.
        boolean expired = fail(id, "#status = :seen AND (#leaseUntil < :now OR (attribute_not_exists(#leaseUntil) "
                + "AND #statusSort < :staleBefore))", Map.of(":seen", item.get(STATUS),
                ":now", s(SortableTime.format(now)), ":staleBefore", s(SortableTime.format(staleBefore))));
        if (expired) {
            log.warn("The lease on event publication {} to {} expired{}: marked failed, to be retried", id,
                    item.get(LISTENER).s(), item.containsKey(LEASE_UNTIL) ? " at " + item.get(LEASE_UNTIL).s() : "");
            count(EventRegistryMetrics::leaseExpired);
        }
        return expired;
    }

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
        lookups.byEventAndListener(event, identifier).forEach(it -> markCompleted(it.getIdentifier(), completionDate));
    }

    /**
     * Records the completion: in {@code update} mode on the publication, which then expires after the retention; in
     * {@code delete} mode by replacing it with its completion marker; in {@code archive} mode by copying it to the
     * archive table first. A publication not relayed yet gets its marker, so that its relay does not write it. The
     * listener ran: the completion is recorded whoever holds the claim (an instance that took over an expired lease
     * runs the listener a second time already; recording its outcome instead would only risk a third run).
     */
    @Override
    public void markCompleted(UUID identifier, Instant completionDate) {
        boolean recorded;
        try {
            recorded = completions.complete(identifier, completionDate);
        }
        finally {
            leases.release(identifier); // only now: until the completion is recorded, nothing here may claim it again
        }
        if (recorded) {
            count(EventRegistryMetrics::completed);
        }
    }

    /** The incomplete publications whose event can be read here, oldest first. */
    @Override
    public List<TargetEventPublication> findIncompletePublications() {
        return observeAll(lookups.oldestFirst(INCOMPLETE, null, ALL).filter(this::readable));
    }

    /** The incomplete publications published before the instant whose event can be read here, oldest first. */
    @Override
    public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
        return observeAll(lookups.oldestFirst(INCOMPLETE, instant, ALL).filter(this::readable));
    }

    @Override
    public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
            PublicationTargetIdentifier targetIdentifier) {
        return lookups.byEventAndListener(event, targetIdentifier).findFirst();
    }

    @Override
    public List<TargetEventPublication> findCompletedPublications() {
        return lookups.completed(null).map(items::fromItem).map(TargetEventPublication.class::cast).toList();
    }

    /**
     * Deletes the publications, each leaving its completion marker in the registry table (a relay of the same
     * publication must not write it anew); an incomplete one only while no other instance holds a live lease on it.
     * Spring Modulith passes completed publications ({@code CompletedEventPublications}).
     */
    @Override
    public void deletePublications(List<UUID> identifiers) {
        identifiers.forEach(id -> {
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":completed", s(Status.COMPLETED.name())));
            completions.replaceByMarker(id,
                    "attribute_exists(#event) AND (#status = :completed OR " + claimable(values) + ")", values);
            completions.deleteArchived(id);
        });
    }

    @Override
    public void deleteCompletedPublications() {
        completions.deleteCompleted(null);
    }

    @Override
    public void deleteCompletedPublicationsBefore(Instant instant) {
        completions.deleteCompleted(instant);
    }

    /**
     * The oldest failed publications that have attempts left and can be read here, read a batch at a time: each
     * shard's partition is queried for at most {@code criteria}'s number of items published before its date, and the
     * shards' pages are merged. Exhausted publications are not in these partitions; one found there all the same
     * (failed before exhausted ones had their own partition, or {@code maxAttempts} was lowered since) is moved out
     * and skipped.
     */
    @Override
    public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
        long limit = criteria.getMaxItemsToRead() < 0 ? ALL : criteria.getMaxItemsToRead();
        if (limit == 0) {
            return List.of();
        }
        Instant before = criteria.getPublicationDateReference();
        return observeAll(lookups.oldestFirst(List.of(Status.FAILED.name()), before, limit)
                .filter(this::hasAttemptsLeft)
                .filter(this::readable)
                .limit(limit));
    }

    /** Spring Modulith's statuses; {@code FAILED} includes the exhausted publications. */
    @Override
    public List<TargetEventPublication> findByStatus(Status status) {
        return status == Status.COMPLETED ? findCompletedPublications()
                : observeAll(lookups.oldestFirst(partitionsOf(status), null, ALL));
    }

    /** Spring Modulith's statuses; {@code FAILED} includes the exhausted publications. */
    @Override
    public int countByStatus(Status status) {
        return status == Status.COMPLETED ? (int) lookups.completed(null).count()
                : partitionsOf(status).stream().mapToInt(lookups::size).sum();
    }

    private static List<String> partitionsOf(Status status) {
        return status == Status.FAILED ? List.of(Status.FAILED.name(), EXHAUSTED) : List.of(status.name());
    }

    /** Whether its event can be read; one that cannot is logged and counted, once. */
    private boolean readable(StoredPublication publication) {
        Optional<String> unreadable = publication.unreadable();
        if (unreadable.isPresent()
                && reportedUnreadable.asMap().putIfAbsent(publication.getIdentifier(), Boolean.TRUE) == null) {
            log.warn("Event publication {} of {} to {} is skipped: {}", publication.getIdentifier(),
                    publication.eventType(), publication.getTargetIdentifier().getValue(), unreadable.get());
            count(EventRegistryMetrics::unreadable);
        }
        return unreadable.isEmpty();
    }

    /** Whether a failed publication has attempts left; one that has not is moved to the exhausted partition. */
    private boolean hasAttemptsLeft(StoredPublication failed) {
        if (failed.getCompletionAttempts() < maxAttempts) {
            return true;
        }
        transition(failed.getIdentifier(), Status.FAILED, items.exhaustedShard(failed.getIdentifier()), "",
                "#status = :status AND #attempts >= :max",
                Map.of(":max", AttributeValue.fromN(Integer.toString(maxAttempts))));
        return false;
    }

    /**
     * The condition under which a claim may take the publication's lease (with the values it needs): none, an expired
     * one, or one this instance may take over ({@link Leases}). Not for a publication this instance holds.
     */
    private String claimable(Map<String, AttributeValue> values) {
        values.put(":now", s(SortableTime.format(leases.now())));
        values.put(":me", s(leases.owner()));
        String condition = NO_LIVE_LEASE + " OR #leaseOwner = :me";
        if (leases.soleInstance()) {
            values.put(":startedAt", s(leases.startedAt()));
            condition += " OR #leaseOwner < :startedAt";
        }
        return condition;
    }

    /** Moves the publication to a claimed status under a new lease if {@code expected} holds, and holds it. */
    private boolean claim(UUID identifier, Status status, String extraSet, String expected,
            Map<String, AttributeValue> extra) {
        Lease lease = leases.next();
        Map<String, AttributeValue> values = new HashMap<>(extra);
        values.put(":leaseSort", s(sortKey(lease.until(), identifier)));
        values.put(":leaseUntil", s(SortableTime.format(lease.until())));
        values.put(":leaseOwner", s(lease.owner()));
        values.put(":leaseId", s(lease.id()));
        boolean claimed = transition(identifier, status, items.statusShard(status, identifier), extraSet + CLAIM,
                expected, values);
        if (claimed) {
            leases.hold(identifier, lease);
        }
        return claimed;
    }

    /**
     * Fails the publication if {@code expected} holds, releasing its lease: into the failed partition while it has
     * attempts left, otherwise into the exhausted one.
     */
    private boolean fail(UUID identifier, String expected, Map<String, AttributeValue> extra) {
        Map<String, AttributeValue> values = new HashMap<>(extra);
        values.put(":max", AttributeValue.fromN(Integer.toString(maxAttempts)));
        if (transition(identifier, Status.FAILED, items.statusShard(Status.FAILED, identifier), RELEASE,
                "(" + expected + ") AND (attribute_not_exists(#attempts) OR #attempts < :max)", values)) {
            count(EventRegistryMetrics::failed);
            return true;
        }
        if (transition(identifier, Status.FAILED, items.exhaustedShard(identifier), RELEASE,
                "(" + expected + ") AND #attempts >= :max", values)) {
            log.warn("Event publication {} failed and has used up its {} attempts: it waits for an operator to resubmit "
                    + "it (/actuator/eventpublications)", identifier, maxAttempts);
            count(EventRegistryMetrics::failed);
            return true;
        }
        return false;
    }

    /**
     * Moves an incomplete publication to a status and status index partition if {@code expected} holds; false if it
     * did not.
     */
    private boolean transition(UUID identifier, Status status, String shard, String extraSet, String expected,
            Map<String, AttributeValue> extra) {
        Map<String, AttributeValue> values = new HashMap<>(extra);
        values.put(":status", s(status.name()));
        values.put(":shard", s(shard));
        try {
            String update = "SET #status = :status, #statusShard = :shard" + extraSet;
            String condition = "attribute_exists(#id) AND attribute_not_exists(#completedAt) AND (" + expected + ")";
            client.updateItem(request -> request.tableName(table).key(key(identifier))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(namesIn(update, condition))
                    .expressionAttributeValues(values));
            return true;
        }
        catch (ConditionalCheckFailedException claimedOrGone) {
            return false;
        }
    }

    /** Remembers the state in which the publications were read, for the claims that may follow. */
    private List<TargetEventPublication> observeAll(Stream<StoredPublication> publications) {
        return publications.peek(readStates::remember).map(TargetEventPublication.class::cast).toList();
    }

    private void count(Consumer<EventRegistryMetrics> outcome) {
        if (metrics != null) {
            outcome.accept(metrics);
        }
    }

    /** Writes the item unless one with its id is there; whether it wrote it. */
    private boolean putIfAbsent(String target, Map<String, AttributeValue> item) {
        try {
            client.putItem(request -> request.tableName(target).item(item)
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", ID)));
            return true;
        }
        catch (ConditionalCheckFailedException alreadyThere) {
            // Relayed before (an interrupted commit finished by the sweeper, or a retry), or completed since (its
            // marker): nothing to do.
            return false;
        }
    }
}
