package app.studio;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Test double around the built-in generator that fails for briefs whose topic asks for it ({@value #FAIL}), writes
 * a blog post longer than the library keeps ({@value #OVERSIZED}), or holds the run after its first chunk until the
 * test releases it ({@value #HELD}), so tests can drive the failure paths and the time a run ends through the real
 * API. Every other brief goes to the built-in generator.
 */
@Component
@Primary
class FailingContentGenerator implements ContentGenerator {

    static final String FAIL = "please fail";
    static final String OVERSIZED = "endless essay";
    static final String HELD = "hold on";

    /** A held run goes on by itself after this, so a test that forgot to release it cannot block a listener. */
    private static final Duration LONGEST_HOLD = Duration.ofSeconds(30);

    private static volatile CountDownLatch hold = new CountDownLatch(0);

    private final LocalContentGenerator local = new LocalContentGenerator(Duration.ZERO);

    /** Holds the runs of {@value #HELD} briefs from now until {@link Hold#release()} (or its close). */
    static Hold hold() {
        CountDownLatch latch = new CountDownLatch(1);
        hold = latch;
        return latch::countDown;
    }

    /** Held runs go on once released; closing releases them too. */
    @FunctionalInterface
    interface Hold extends AutoCloseable {

        void release();

        @Override
        default void close() {
            release();
        }
    }

    @Override
    public GeneratedContent generate(ContentType type, ContentBrief brief, Personalization personalization,
            Progress progress) {
        if (brief.topic() != null && brief.topic().contains(HELD)) {
            progress.chunkWritten(1, 5);
            awaitRelease();
        }
        if (brief.topic() != null && brief.topic().contains(FAIL)) {
            progress.chunkWritten(1, 5);
            throw new IllegalStateException("the model is unavailable");
        }
        GeneratedContent content = local.generate(type, brief, personalization, progress);
        if (brief.topic() != null && brief.topic().contains(OVERSIZED)) {
            return new GeneratedContent(content.title(), content.body().repeat(60_000 / content.body().length() + 1),
                    null, null, null);
        }
        return content;
    }

    private static void awaitRelease() {
        try {
            hold.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
