package app.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the built-in generator promises: lengths, every keyword and feature word for word, real progress. */
class LocalContentGeneratorTests {

    private final LocalContentGenerator generator = new LocalContentGenerator(Duration.ZERO);
    private final Personalization friendly = new Personalization("Ana", "outdoor gear", "friendly", "en");

    @ParameterizedTest
    @CsvSource({ "short, 150, 300", "medium, 400, 800", "long, 1000, 1600" })
    void aBlogHasTheLengthAskedForAndEveryKeyword(String length, int min, int max) {
        for (String topic : List.of("email marketing", "A very long topic about sustainable supply chains in 2027",
                "seo")) {
            List<String> keywords = List.of("open rate", "subject lines", "A/B testing", "segmentation",
                    "double opt-in", "deliverability", "preheader text", "list hygiene", "cadence", "CTA");
            GeneratedContent blog = blog(topic, keywords, length, new ArrayList<>());

            assertThat(words(blog.body())).as("%s words about %s", length, topic).isBetween(min, max);
            keywords.forEach(keyword -> assertThat(blog.body()).contains(keyword));
            assertThat(blog.title()).isNotBlank();
        }
    }

    @Test
    void progressAdvancesInAtLeastFiveStepsUpToTheEnd() {
        List<Integer> steps = new ArrayList<>();

        blog("content calendars", List.of("planning"), "short", steps);

        assertThat(steps).hasSizeGreaterThanOrEqualTo(5).isSorted().doesNotHaveDuplicates();
        assertThat(steps.getLast()).isEqualTo(100);
    }

    @Test
    void theSameBriefGivesTheSameContent() {
        assertThat(blog("retention", List.of("churn"), "medium", new ArrayList<>()))
                .isEqualTo(blog("retention", List.of("churn"), "medium", new ArrayList<>()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "launch week", "an extremely long topic that goes on and on about the many things we want "
            + "to say about our product launch, our community, our partners and everything else in between to see "
            + "whether the post for X stays within its limit of two hundred and eighty characters" })
    void aSocialGenerationHasOnePostPerPlatformAndXPostsFit280Characters(String topic) {
        List<Integer> steps = new ArrayList<>();
        GeneratedContent social = generator.generate(ContentType.SOCIAL, new ContentBrief(topic, null, null,
                List.of("linkedin", "x", "facebook", "instagram"), null, null, null), friendly,
                (written, planned) -> steps.add(written * 100 / planned));

        assertThat(social.posts()).extracting(GeneratedContent.Post::platform)
                .containsExactly("linkedin", "x", "facebook", "instagram");
        assertThat(social.posts()).filteredOn(post -> post.platform().equals("x"))
                .allSatisfy(post -> assertThat(post.text().length()).isLessThanOrEqualTo(280));
        assertThat(steps).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aListingHasATitleABulletPerFeatureWordForWordAndADescription() {
        List<String> features = List.of("waterproof zipper", "USB-C charging port", "lifetime warranty");
        GeneratedContent listing = generator.generate(ContentType.LISTING, new ContentBrief(null, null, null, null,
                "Trail Pack 30", features, "weekend hikers"), friendly, (written, planned) -> {
                });

        assertThat(listing.title()).contains("Trail Pack 30");
        assertThat(listing.bullets()).hasSize(3);
        for (int i = 0; i < features.size(); i++) {
            assertThat(listing.bullets().get(i)).contains(features.get(i));
            assertThat(listing.description()).contains(features.get(i));
        }
    }

    @Test
    void personalizationShowsInTheContent() {
        GeneratedContent blog = blog("pricing pages", List.of(), "short", new ArrayList<>());

        assertThat(blog.body()).contains("friendly").contains("outdoor gear");
    }

    private GeneratedContent blog(String topic, List<String> keywords, String length, List<Integer> steps) {
        return generator.generate(ContentType.BLOG, new ContentBrief(topic, keywords, length, null, null, null, null),
                friendly, (written, planned) -> steps.add(written * 100 / planned));
    }

    private static int words(String text) {
        return text.strip().split("\\s+").length;
    }

}
