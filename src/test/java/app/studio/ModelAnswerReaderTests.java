package app.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How a model's answer becomes content, and which answers are refused with what reason. */
class ModelAnswerReaderTests {

    private final ModelAnswerReader reader = new ModelAnswerReader();

    private static final ContentBrief BLOG = new ContentBrief("email marketing", List.of("open rate", "A/B testing"),
            "short", null, null, null, null);
    private static final ContentBrief SOCIAL = new ContentBrief("launch week", null, null, List.of("x", "linkedin"),
            null, null, null);
    private static final ContentBrief LISTING = new ContentBrief(null, null, null, null, "Trail Pack 30",
            List.of("waterproof zipper", "USB-C charging port"), "weekend hikers");

    @Test
    void aPlainJsonAnswerAndOneInAJsonFenceReadTheSame() {
        String answer = "{\"title\": \"Email\", \"body\": \"Open rate first, then A/B testing.\"}";

        assertThat(reader.read(ContentType.BLOG, BLOG, "```json\n" + answer + "\n```"))
                .isEqualTo(reader.read(ContentType.BLOG, BLOG, answer))
                .isEqualTo(new GeneratedContent("Email", "Open rate first, then A/B testing.", List.of(), List.of(),
                        null));
    }

    @Test
    void aKeywordCountsWordForWordWhateverItsLetterCase() {
        GeneratedContent blog = reader.read(ContentType.BLOG, BLOG,
                "{\"title\": \"Email\", \"body\": \"Open Rate matters. So does a/b testing.\"}");

        assertThat(blog.body()).isEqualTo("Open Rate matters. So does a/b testing.");
    }

    @Test
    void aKeywordInOtherWordsIsNotEnough() {
        assertThatThrownBy(() -> reader.read(ContentType.BLOG, BLOG,
                "{\"title\": \"Email\", \"body\": \"The rate of opens matters, and so does A/B testing.\"}"))
                .isInstanceOf(UnusableModelAnswer.class)
                .hasMessage("the model's answer does not use the keyword \"open rate\" word for word");
    }

    @Test
    void anAnswerThatIsNotAJsonObjectIsRefused() {
        assertThatThrownBy(() -> reader.read(ContentType.BLOG, BLOG, "Here is your blog post about email marketing."))
                .isInstanceOf(UnusableModelAnswer.class)
                .hasMessageStartingWith("the model's answer is not valid JSON");
        assertThatThrownBy(() -> reader.read(ContentType.BLOG, BLOG, "[\"a\", \"b\"]"))
                .isInstanceOf(UnusableModelAnswer.class)
                .hasMessage("the model's answer is not a JSON object: [\"a\", \"b\"]");
        assertThatThrownBy(() -> reader.read(ContentType.BLOG, BLOG, "  "))
                .isInstanceOf(UnusableModelAnswer.class).hasMessage("the model's answer was empty");
    }

    @Test
    void aMissingOrBlankPartIsNamed() {
        assertThatThrownBy(() -> reader.read(ContentType.BLOG, BLOG, "{\"title\": \"Email\"}"))
                .isInstanceOf(UnusableModelAnswer.class).hasMessage("the model's answer has no body");
        assertThatThrownBy(() -> reader.read(ContentType.LISTING, LISTING,
                "{\"title\": \" \", \"bullets\": [\"waterproof zipper\"], \"description\": \"USB-C charging port\"}"))
                .isInstanceOf(UnusableModelAnswer.class).hasMessage("the model's answer has no title");
        assertThatThrownBy(() -> reader.read(ContentType.LISTING, LISTING,
                "{\"title\": \"Pack\", \"bullets\": [], \"description\": \"waterproof zipper, USB-C charging port\"}"))
                .isInstanceOf(UnusableModelAnswer.class).hasMessage("the model's answer has no bullets");
    }

    @Test
    void everyFeatureOfAListingAppearsInItsBulletsOrDescription() {
        GeneratedContent listing = reader.read(ContentType.LISTING, LISTING, "{\"title\": \"Trail Pack 30\", "
                + "\"bullets\": [\"A waterproof zipper.\", \"Charges by cable.\"], \"description\": \"With a USB-C "
                + "charging port.\"}");

        assertThat(listing.bullets()).containsExactly("A waterproof zipper.", "Charges by cable.");
        assertThatThrownBy(() -> reader.read(ContentType.LISTING, LISTING, "{\"title\": \"Trail Pack 30\", "
                + "\"bullets\": [\"A zipper that keeps water out.\"], \"description\": \"With a USB-C port.\"}"))
                .isInstanceOf(UnusableModelAnswer.class)
                .hasMessage("the model's answer does not use the features \"waterproof zipper\", "
                        + "\"USB-C charging port\" word for word");
    }

    @Test
    void postsComeInTheOrderAskedForAndPostsForOtherPlatformsAreDropped() {
        GeneratedContent social = reader.read(ContentType.SOCIAL, SOCIAL, "{\"title\": \"Launch\", \"posts\": ["
                + "{\"platform\": \"LinkedIn\", \"text\": \"On LinkedIn.\"}, {\"platform\": \"tiktok\", \"text\": "
                + "\"On TikTok.\"}, {\"platform\": \"x\", \"text\": \"On X.\"}]}");

        assertThat(social.posts()).containsExactly(new GeneratedContent.Post("x", "On X."),
                new GeneratedContent.Post("linkedin", "On LinkedIn."));
    }

    @Test
    void aMissingPlatformIsNamed() {
        assertThatThrownBy(() -> reader.read(ContentType.SOCIAL, SOCIAL, "{\"title\": \"Launch\", \"posts\": ["
                + "{\"platform\": \"x\", \"text\": \"On X.\"}]}"))
                .isInstanceOf(UnusableModelAnswer.class).hasMessage("the model's answer has no post for linkedin");
    }

    @Test
    void anXPostOver280CharactersIsTrimmedAtAWordBoundaryWithAnEllipsis() {
        String words = "launch ".repeat(45).strip();
        GeneratedContent social = reader.read(ContentType.SOCIAL, SOCIAL, "{\"title\": \"Launch\", \"posts\": ["
                + "{\"platform\": \"x\", \"text\": \"" + words + "\"}, {\"platform\": \"linkedin\", \"text\": \""
                + words + "\"}]}");

        String x = social.posts().getFirst().text();
        assertThat(words).hasSizeGreaterThan(280);
        assertThat(x).hasSizeLessThanOrEqualTo(280).endsWith("launch\u2026");
        assertThat(words).startsWith(x.substring(0, x.length() - 1) + " ");
        assertThat(social.posts().getLast().text()).as("only X has the limit").isEqualTo(words);
    }

    @Test
    void anXPostOfExactly280CharactersIsKept() {
        String post = "a".repeat(280);

        assertThat(ModelAnswerReader.fit(post)).isEqualTo(post);
    }
}
