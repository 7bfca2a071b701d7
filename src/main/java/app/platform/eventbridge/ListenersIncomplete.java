package app.platform.eventbridge;

/**
 * The listeners of an inbound event did not all complete while its delivery waited for them: one failed, or time ran
 * out. The delivery fails so that EventBridge (or SQS) delivers the event again; the redelivery resubmits what did not
 * complete.
 */
public class ListenersIncomplete extends RuntimeException {

    ListenersIncomplete(String reason) {
        super(reason);
    }
}
