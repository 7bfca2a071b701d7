package app.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the model is asked for each content type, and how long the answer is expected to be. */
class ContentPromptTests {

    private static final Personalization NOBODY = new Personalization(null, null, null, null);

    @ParameterizedTest
    @CsvSource({ "short, 150 to 300 words", "medium, 400 to 800 words", "long, 1000 to 1600 words" })
    void aBlogPromptAsksForTheLengthTheTopicAndEveryKeyword(String length, String words) {
        ContentPrompt prompt = ContentPrompt.of(ContentType.BLOG, new ContentBrief("email marketing",
                List.of("open rate", "CTA"), length, null, null, null, null), NOBODY);

        assertThat(prompt.user()).contains("email marketing", words, "\"open rate\", \"CTA\"");
        assertThat(prompt.system()).contains("{\"title\"", "\"body\"");
    }

    @Test
    void longerBlogsAreExpectedToTakeLonger() {
        assertThat(expected("short")).isLessThan(expected("medium"));
        assertThat(expected("medium")).isLessThan(expected("long"));
    }

    @Test
    void aSocialPromptNamesEveryPlatformAndTheLimitOfX() {
        ContentPrompt prompt = ContentPrompt.of(ContentType.SOCIAL, new ContentBrief("launch week", null, null,
                List.of("linkedin", "x"), null, null, null), NOBODY);

        assertThat(prompt.user()).contains("launch week", "\"linkedin\", \"x\"", "at most 280 characters");
        assertThat(prompt.system()).contains("\"posts\"", "\"platform\"", "\"text\"");
    }

    @Test
    void aSocialPromptWithoutXSaysNothingOfItsLimit() {
        ContentPrompt prompt = ContentPrompt.of(ContentType.SOCIAL, new ContentBrief("launch week", null, null,
                List.of("facebook"), null, null, null), NOBODY);

        assertThat(prompt.user()).doesNotContain("280");
    }

    @Test
    void aListingPromptNamesTheProductItsAudienceAndEveryFeature() {
        ContentPrompt prompt = ContentPrompt.of(ContentType.LISTING, new ContentBrief(null, null, null, null,
                "Trail Pack 30", List.of("waterproof zipper", "lifetime warranty"), "weekend hikers"), NOBODY);

        assertThat(prompt.user()).contains("Trail Pack 30", "weekend hikers",
                "\"waterproof zipper\", \"lifetime warranty\"");
        assertThat(prompt.system()).contains("\"bullets\"", "\"description\"");
    }

    @Test
    void thePersonalizationShapesTheVoiceAndWithoutItThePromptFallsBackToPlainDefaults() {
        ContentBrief brief = new ContentBrief("pricing", List.of(), "short", null, null, null, null);

        assertThat(ContentPrompt.of(ContentType.BLOG, brief, new Personalization("Ana", "outdoor gear", "friendly",
                "de")).system()).contains("for Ana", "Tone of voice: friendly", "people in outdoor gear",
                        "Write in German (de)");
        assertThat(ContentPrompt.of(ContentType.BLOG, brief, NOBODY).system()).contains("Tone of voice: practical",
                "people in growing businesses", "Write in English").doesNotContain(" for null");
    }

    private static int expected(String length) {
        return ContentPrompt.of(ContentType.BLOG, new ContentBrief("seo", List.of(), length, null, null, null, null),
                NOBODY).expectedCharacters();
    }
}
