package app.platform.eventbridge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How EventBridge in answers. A long-running application answers once the event and its publications are stored: its
 * listeners run after, and its retrier and sweeps finish what fails or stops. A process that may be frozen or dropped
 * once it answers (an AWS Lambda function) has neither, so it must not answer before the listeners have completed.
 *
 * @param awaitListeners answer a delivery only once every listener the event reached has completed, and fail it (so
 *     that EventBridge or SQS delivers it again) when one failed or time ran out; on in the {@code lambda} profile
 * @param maxWait the longest a delivery waits for its listeners
 * @param margin kept from the Lambda invocation's remaining time to answer in time: the wait ends this much before
 */
@Validated
@ConfigurationProperties("app.eventbridge.inbound")
public record InboundEventSettings(
        @DefaultValue("false") boolean awaitListeners,
        @DefaultValue("10m") Duration maxWait,
        @DefaultValue("3s") Duration margin) {

    /** How long a delivery may wait for its listeners when its caller has {@code timeLeft}; never negative. */
    Duration waitWithin(Duration timeLeft) {
        Duration wait = timeLeft.minus(margin);
        wait = wait.compareTo(maxWait) < 0 ? wait : maxWait;
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
