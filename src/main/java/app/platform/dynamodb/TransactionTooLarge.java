package app.platform.dynamodb;

/**
 * A transaction whose item, together with the events it publishes, would exceed DynamoDB's 400 KB item limit. It is
 * raised inside the transaction, when the aggregate is written or the event published, so the transaction rolls back
 * and nothing is stored. The outbox holds each event once, whatever its number of listeners, so what does not fit is
 * the state and the events themselves: an event should carry a reference to large content (its id or location), not
 * the content.
 */
public final class TransactionTooLarge extends RuntimeException {

    TransactionTooLarge(String table, Object key, int size) {
        super("The item " + key + " in " + table + " with the events of its transaction would take about " + size
                + " bytes; a DynamoDB item holds at most " + ItemSize.LIMIT + ". Publish a reference to large content "
                + "instead of the content, or keep the aggregate smaller.");
    }
}
