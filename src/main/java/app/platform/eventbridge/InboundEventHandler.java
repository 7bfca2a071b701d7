package app.platform.eventbridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AWS Lambda entry point of EventBridge in, for both ways events reach a function:
 * <ul>
 * <li>an EventBridge rule invoking the function with the event itself: answers {@code {"outcome": ...}}; an event
 * that cannot be delivered answers {@code REJECTED} (retrying would not help), a transient failure throws so that
 * Lambda retries;</li>
 * <li>an SQS queue (the rule's target) feeding the function batches of messages whose bodies are events: answers
 * {@code {"batchItemFailures": [...]}} with the messages that failed transiently, so only those come back; rejected
 * messages are logged and counted, not retried.</li>
 * </ul>
 * A Lambda function awaits the listeners ({@link InboundEventSettings#awaitListeners}): an event answers
 * {@code DELIVERED} or {@code DUPLICATE} only once every listener it reached has completed, and one whose listener
 * failed, or that ran out of the invocation's time, fails (an exception, or its SQS message among the
 * {@code batchItemFailures}) so that it is delivered again.
 * The handler class is {@code app.platform.eventbridge.InboundEventHandler}; the application starts once per function
 * instance (profile {@code aws}, no web server).
 */
public class InboundEventHandler implements RequestStreamHandler {

    private static final Logger log = LoggerFactory.getLogger(InboundEventHandler.class);
    private static final JsonMapper json = JsonMapper.builder().build();

    private final Supplier<InboundEvents> inbound;

    /** Used by AWS Lambda. */
    public InboundEventHandler() {
        this(LambdaApplication::inboundEvents);
    }

    InboundEventHandler(Supplier<InboundEvents> inbound) {
        this.inbound = inbound;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String request = new String(input.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        JsonNode parsed = parseOrNull(request);
        Object response = parsed != null && parsed.path("Records").isArray()
                ? sqsBatch(parsed.path("Records"), context)
                : single(request, context);
        output.write(json.writeValueAsBytes(response));
    }

    private Map<String, Object> single(String envelope, Context context) {
        try {
            return Map.of("outcome", inbound.get().receive(envelope, timeLeft(context)).name());
        }
        catch (RejectedInboundEvent rejected) {
            return Map.of("outcome", "REJECTED", "reason", rejected.getMessage());
        }
    }

    private Map<String, Object> sqsBatch(JsonNode records, Context context) {
        List<Map<String, String>> failures = new ArrayList<>();
        for (JsonNode record : records) {
            String messageId = record.path("messageId").asString();
            try {
                inbound.get().receive(record.path("body").asString(), timeLeft(context));
            }
            catch (RejectedInboundEvent rejected) {
                log.warn("SQS message {} holds an event that cannot be delivered; dropped: {}", messageId,
                        rejected.getMessage());
            }
            catch (RuntimeException transientFailure) {
                log.warn("SQS message {} failed and goes back to the queue: {}", messageId,
                        transientFailure.toString());
                failures.add(Map.of("itemIdentifier", messageId));
            }
        }
        return Map.of("batchItemFailures", failures);
    }

    /** What is left of the invocation's time; no limit without a Lambda context. */
    private static Duration timeLeft(Context context) {
        return context == null ? InboundEvents.NO_LIMIT : Duration.ofMillis(context.getRemainingTimeInMillis());
    }

    private static JsonNode parseOrNull(String request) {
        try {
            return json.readTree(request);
        }
        catch (JacksonException notJson) {
            return null;
        }
    }
}
