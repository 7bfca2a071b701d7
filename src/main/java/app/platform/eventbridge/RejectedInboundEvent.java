package app.platform.eventbridge;

/** An inbound EventBridge event that cannot be delivered: malformed, of an unknown detail-type, or inconsistent. */
public class RejectedInboundEvent extends RuntimeException {

    RejectedInboundEvent(String reason) {
        super(reason);
    }

    RejectedInboundEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
