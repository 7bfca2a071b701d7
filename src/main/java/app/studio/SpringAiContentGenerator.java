package app.studio;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import app.studio.ModelErrors.ModelError;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * Writes content with a language model through Spring AI. The prompt ({@link ContentPrompt}) asks for a JSON answer;
 * the answer is streamed, and progress is told as chunks arrive: {@code planned} is estimated from the requested
 * length, {@code written} counts the chunks so far (never more than {@code planned - 1} until the answer is read),
 * and it is told each time another twentieth of the plan is reached, since every report is a write and an event.
 * The streamed text is then read and checked by {@link ModelAnswerReader}.
 * <p>
 * Calls are bounded: {@code timeout} for the whole generation (retries and their pauses included) and
 * {@code idleTimeout} for a model that stops sending. Transient failures ({@link ModelErrors}) are retried up to
 * {@code maxAttempts} with exponential backoff; a time-out is not retried, since the time budget is spent. Failures
 * end as {@link ModelUnavailable} or {@link UnusableModelAnswer}, whose message becomes the generation's failure
 * reason.
 */
class SpringAiContentGenerator implements ContentGenerator {

    private static final Logger log = LoggerFactory.getLogger(SpringAiContentGenerator.class);
    private static final int CHARACTERS_PER_CHUNK = 4;
    private static final Object END_OF_STREAM = new Object();

    private final String provider;
    private final ChatModel model;
    private final StudioSettings.Ai settings;
    private final ModelAnswerReader reader = new ModelAnswerReader();

    /**
     * @param provider the provider's name, for failure reasons and logs
     * @param model the model, with its address, key and name already set
     * @param settings the call policy: time-outs, attempts, backoff
     */
    SpringAiContentGenerator(String provider, ChatModel model, StudioSettings.Ai settings) {
        this.provider = provider;
        this.model = model;
        this.settings = settings;
    }

    @Override
    public GeneratedContent generate(ContentType type, ContentBrief brief, Personalization personalization,
            Progress progress) {
        ContentPrompt prompt = ContentPrompt.of(type, brief, personalization);
        ProgressPlan plan = new ProgressPlan(progress,
                Math.max(ProgressPlan.STEPS, prompt.expectedCharacters() / CHARACTERS_PER_CHUNK));
        String answer = withRetries(new Prompt(List.of(new SystemMessage(prompt.system()),
                new UserMessage(prompt.user()))), plan, System.nanoTime() + settings.timeout().toNanos());
        GeneratedContent content = reader.read(type, brief, answer);
        plan.finished();
        return content;
    }

    private String withRetries(Prompt prompt, ProgressPlan plan, long deadline) {
        for (int attempt = 1;; attempt++) {
            try {
                return stream(prompt, plan, deadline);
            }
            catch (ModelUnavailable timedOut) {
                throw timedOut;
            }
            catch (RuntimeException failure) {
                ModelError error = ModelErrors.classify(provider, failure);
                Duration backoff = settings.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
                boolean retry = error.transientFailure() && attempt < settings.maxAttempts()
                        && remaining(deadline).compareTo(backoff) > 0;
                if (!retry) {
                    log.warn("{} failed at attempt {} of {}: {}", provider, attempt, settings.maxAttempts(),
                            error.reason(), failure);
                    throw new ModelUnavailable(error.reason() + (attempt > 1 ? " after " + attempt + " attempts"
                            : error.transientFailure() ? "" : "; not retried"), failure);
                }
                log.warn("{} failed at attempt {} of {}: {}; retrying in {}", provider, attempt,
                        settings.maxAttempts(), error.reason(), backoff);
                pause(backoff);
            }
        }
    }

    /**
     * One call: the answer's text, with progress told on the way. The chunks are consumed on this thread (progress
     * writes belong to the generation's run, not to an HTTP client's thread), which also keeps the time-outs: it
     * waits for each chunk at most the idle time-out, and never past the deadline.
     */
    private String stream(Prompt prompt, ProgressPlan plan, long deadline) {
        BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
        // Subscribed on another thread: a provider client may read its stream while subscribing.
        Disposable subscription = model.stream(prompt).map(SpringAiContentGenerator::text)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(arrivals::add, arrivals::add, () -> arrivals.add(END_OF_STREAM));
        StringBuilder answer = new StringBuilder();
        int chunks = 0;
        try {
            while (true) {
                Duration left = remaining(deadline);
                Object next = arrivals.poll(Math.min(left.toNanos(), settings.idleTimeout().toNanos()),
                        TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw timedOut(deadline);
                }
                if (next == END_OF_STREAM) {
                    return answer.toString();
                }
                if (next instanceof RuntimeException failure) {
                    throw failure;
                }
                if (next instanceof Throwable failure) {
                    throw new IllegalStateException(failure.getMessage(), failure);
                }
                String text = (String) next;
                if (!text.isEmpty()) {
                    answer.append(text);
                    plan.chunkReceived(++chunks);
                }
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailable(provider + " call interrupted", interrupted);
        }
        finally {
            // A provider client may block while it closes a stalled stream: the generation does not wait for it.
            Thread.ofPlatform().name("model-stream-close").daemon(true).start(subscription::dispose);
        }
    }

    private ModelUnavailable timedOut(long deadline) {
        String reason = remaining(deadline).isZero()
                ? provider + " did not finish within " + readable(settings.timeout()) + " (app.studio.ai.timeout)"
                : provider + " sent nothing for " + readable(settings.idleTimeout()) + " (app.studio.ai.idle-timeout)";
        log.warn("{}", reason);
        return new ModelUnavailable(reason, null);
    }

    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private static Duration remaining(long deadline) {
        long nanos = deadline - System.nanoTime();
        return nanos <= 0 ? Duration.ZERO : Duration.ofNanos(nanos);
    }

    private static String text(ChatResponse response) {
        if (response.getResult() == null) {
            return "";
        }
        String text = response.getResult().getOutput().getText();
        return text == null ? "" : text;
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Generation interrupted", e);
        }
    }

    /**
     * Progress of one generation across its attempts: monotone (a retry starts counting again, but tells nothing
     * until it passes what was told), at most {@code planned}, once per twentieth of the plan.
     */
    private static final class ProgressPlan {

        static final int STEPS = 20;

        private final Progress progress;
        private final int planned;
        private int told;

        ProgressPlan(Progress progress, int planned) {
            this.progress = progress;
            this.planned = planned;
        }

        void chunkReceived(int chunks) {
            int written = Math.min(chunks, planned - 1);
            if (step(written) > step(told)) {
                told = written;
                progress.chunkWritten(written, planned);
            }
        }

        void finished() {
            progress.chunkWritten(planned, planned);
        }

        private int step(int written) {
            return written * STEPS / planned;
        }
    }
}
