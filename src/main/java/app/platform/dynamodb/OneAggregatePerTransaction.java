package app.platform.dynamodb;

/**
 * A transaction tried to write a second aggregate. One transaction changes one aggregate item; anything else follows
 * through events (see docs/adr/0002). This is a programming error, not a client error.
 */
public final class OneAggregatePerTransaction extends IllegalStateException {

    OneAggregatePerTransaction(UnitOfWork.AggregateRef first, UnitOfWork.AggregateRef second) {
        super("A transaction may write one aggregate item, but wrote " + first + " and then " + second
                + ". Change the second aggregate in a listener of an event published by the first.");
    }
}
