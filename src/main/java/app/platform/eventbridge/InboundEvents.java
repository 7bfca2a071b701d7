package app.platform.eventbridge;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.platform.dynamodb.DuplicateItem;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * EventBridge in: takes an event as Lambda receives it, or as the body of an SQS message (the standard EventBridge
 * envelope with {@code detail-type}, {@code source} and {@code detail}), turns it back into the module's event
 * class and publishes it here, so this deployment's listeners receive it through the registry as if it had been
 * published in-process.
 *
 * <p>The receipt of the event id and the event's publications are written by one transaction, so a duplicate
 * delivery finds the receipt and has no second effect. Events whose source module runs in this deployment were
 * delivered in-process already and are ignored. A malformed, unknown or inconsistent event is rejected with
 * {@link RejectedInboundEvent}, a log line and the {@code app.events.inbound} metric (outcome {@code rejected}),
 * before anything is written.
 *
 * <p>Where nothing runs after the answer (an AWS Lambda function, {@link InboundEventSettings#awaitListeners}), a
 * delivery answers only once every listener the event reached has completed ({@link ListenerCompletion}), and fails
 * with {@link ListenersIncomplete} when one failed or time ran out, so that the event is delivered again; a redelivery
 * of an event whose receipt exists resubmits its listeners that did not complete and waits for them in turn. Elsewhere
 * a delivery answers once the receipt is stored, and the registry's retrier finishes what fails.
 */
public class InboundEvents {

    /** What became of an inbound event. */
    public enum Outcome {
        DELIVERED, DUPLICATE, IGNORED_LOCAL_SOURCE
    }

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);
    /** The time left of a caller that sets no limit of its own. */
    static final Duration NO_LIMIT = ChronoUnit.FOREVER.getDuration();

    private final ExternalizedEventTypes types;
    private final JsonMapper json;
    private final InboundReceipts receipts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Set<String> localSources;
    private final ListenerCompletion completion;
    private final InboundEventSettings settings;
    private final MeterRegistry meters;
    private final Clock clock;

    InboundEvents(ExternalizedEventTypes types, JsonMapper json, InboundReceipts receipts,
            ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Set<String> localSources,
            ListenerCompletion completion, InboundEventSettings settings, MeterRegistry meters, Clock clock) {
        this.types = types;
        this.json = json;
        this.receipts = receipts;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.localSources = localSources;
        this.completion = completion;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Delivers one EventBridge event (its JSON envelope), for a caller without a time limit of its own.
     *
     * @throws RejectedInboundEvent when it cannot be delivered; nothing was written
     * @throws ListenersIncomplete when awaiting the listeners, if one failed or they did not complete in time
     */
    public Outcome receive(String envelope) {
        return receive(envelope, NO_LIMIT);
    }

    /**
     * Delivers one EventBridge event (its JSON envelope).
     *
     * @param timeLeft how long the caller (a Lambda invocation) may still take: awaiting the listeners ends
     *     {@link InboundEventSettings#margin} before, or after {@link InboundEventSettings#maxWait}
     * @throws RejectedInboundEvent when it cannot be delivered; nothing was written
     * @throws ListenersIncomplete when awaiting the listeners, if one failed or they did not complete in time
     */
    public Outcome receive(String envelope, Duration timeLeft) {
        Inbound inbound;
        try {
            inbound = parse(envelope);
        }
        catch (RejectedInboundEvent rejected) {
            log.warn("Rejected an inbound EventBridge event: {}", rejected.getMessage());
            count("rejected");
            throw rejected;
        }
        if (localSources.contains(inbound.source())) {
            count("ignored");
            return Outcome.IGNORED_LOCAL_SOURCE;
        }
        String eventId = inbound.eventId().toString();
        Duration wait = settings.waitWithin(timeLeft);
        if (settings.awaitListeners() && wait.isZero()) {
            count("incomplete");
            throw new ListenersIncomplete("Event " + eventId + ": no time left to deliver it");
        }
        List<UUID> publications;
        try {
            publications = transaction.execute(status -> {
                events.publishEvent(inbound.event());
                List<UUID> created = completion.createdInCurrentTransaction();
                receipts.create(InboundReceipt.of(eventId, inbound.detailType(), inbound.source(), created,
                        clock.instant()));
                return created;
            });
        }
        catch (DuplicateItem alreadyReceived) {
            count("duplicate");
            if (settings.awaitListeners()) {
                awaiting(() -> completion.resubmitAndAwait(eventId, publicationsOf(eventId), wait));
            }
            return Outcome.DUPLICATE;
        }
        count("delivered");
        if (settings.awaitListeners()) {
            awaiting(() -> completion.await(eventId, publications, wait));
        }
        return Outcome.DELIVERED;
    }

    private void awaiting(Runnable wait) {
        try {
            wait.run();
        }
        catch (ListenersIncomplete incomplete) {
            log.warn("{}; the delivery fails so that the event is delivered again", incomplete.getMessage());
            count("incomplete");
            throw incomplete;
        }
    }

    /** The publications of an event received before, as its receipt records them. */
    private List<UUID> publicationsOf(String eventId) {
        return receipts.find(InboundReceipt.keyOf(eventId))
                .map(InboundReceipt::publicationIds)
                .orElse(List.of());
    }

    private record Inbound(UUID eventId, String detailType, String source, Object event) {
    }

    private Inbound parse(String envelope) {
        JsonNode root;
        try {
            root = json.readTree(envelope);
        }
        catch (JacksonException e) {
            throw new RejectedInboundEvent("not JSON: " + e.getOriginalMessage(), e);
        }
        String detailType = text(root, "detail-type");
        String source = text(root, "source");
        JsonNode detail = root.path("detail");
        Class<?> type = types.forDetailType(detailType)
                .orElseThrow(() -> new RejectedInboundEvent("unknown detail-type '" + detailType + "'"));
        String expectedSource = EventBridgeEntries.sourceOf(type);
        if (!expectedSource.equals(source)) {
            throw new RejectedInboundEvent("detail-type '" + detailType + "' comes from " + expectedSource
                    + ", not from " + source);
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(text(detail, "eventId"));
        }
        catch (IllegalArgumentException e) {
            throw new RejectedInboundEvent("detail.eventId is not a UUID", e);
        }
        if (!detail.path("payload").isObject()) {
            throw new RejectedInboundEvent("detail.payload is missing");
        }
        try {
            return new Inbound(eventId, detailType, source, json.treeToValue(detail.path("payload"), type));
        }
        catch (JacksonException e) {
            throw new RejectedInboundEvent("detail.payload is not a " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new RejectedInboundEvent("'" + field + "' is missing");
        }
        return value.asString();
    }

    private void count(String outcome) {
        meters.counter("app.events.inbound", "outcome", outcome).increment();
    }
}
