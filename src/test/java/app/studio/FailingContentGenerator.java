package app.studio;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Test double around the built-in generator that fails for briefs whose topic asks for it ({@value #FAIL}), or writes
 * a blog post longer than the library keeps ({@value #OVERSIZED}), so tests can drive the failure paths through the
 * real API. Every other brief goes to the built-in generator.
 */
@Component
@Primary
class FailingContentGenerator implements ContentGenerator {

    static final String FAIL = "please fail";
    static final String OVERSIZED = "endless essay";

    private final LocalContentGenerator local = new LocalContentGenerator(java.time.Duration.ZERO);

    @Override
    public GeneratedContent generate(ContentType type, ContentBrief brief, Personalization personalization,
            Progress progress) {
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
}
