package app.platform.dynamodb;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Moves a committed transaction's event publications into the event publication registry. Implemented by the event
 * registry; called right after the write that stored the transaction's outbox (on its aggregate item, or on an item of
 * its own when it changed no aggregate) and by the outbox sweeper after a crash. Relaying the same publications twice
 * must be harmless.
 */
public interface OutboxRelay {

    /** Writes the publications (registry items) unless they are there already. */
    void relay(List<Map<String, AttributeValue>> publications);

    /**
     * Writes the publications of a transaction this instance just committed and is about to hand to their listeners,
     * so the registry may record them as already being processed. A relay on behalf of another (crashed) commit uses
     * {@link #relay} instead.
     */
    default void relayForDispatch(List<Map<String, AttributeValue>> publications) {
        relay(publications);
    }
}
