package app.brand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How an audit scores a text against a brand. */
class BrandRulesTests {

    private static final String PLAIN = "Trail Pack 30 is made for weekend hikers. It keeps your gear dry and your "
            + "back happy on long days. The pack has a waterproof zipper and a light frame. You can carry it all day "
            + "and still enjoy the view at the top.";

    @Test
    void aTextThatFollowsTheBrandScores100() {
        BrandRules.Result result = BrandRules.audit(PLAIN, profile("friendly", List.of("cheap"), List.of("waterproof")));

        assertThat(result.findings()).isEmpty();
        assertThat(result.score()).isEqualTo(100);
    }

    @Test
    void bannedTermsUsedAndRequiredTermsMissingAreFoundOneByOne() {
        BrandRules.Result result = BrandRules.audit(PLAIN, profile(null, List.of("Waterproof Zipper", "cheap"),
                List.of("lifetime warranty", "hikers")));

        assertThat(result.findings()).extracting(Finding::rule, Finding::term).containsExactly(
                tuple("banned-term", "Waterproof Zipper"),
                tuple("required-term", "lifetime warranty"));
        assertThat(result.score()).isEqualTo(100 - 20 - 15);
    }

    @Test
    void aTermMatchesWholeWordsOnly() {
        BrandRules.Result result = BrandRules.audit(PLAIN, profile(null, List.of("hike"), List.of()));

        assertThat(result.findings()).isEmpty();
    }

    @Test
    void lengthReadabilityAndToneAreChecked() {
        BrandRules.Result result = BrandRules.audit("Unquestionably extraordinary multifunctional "
                + "configurability! We're thrilled!", profile("formal", List.of(), List.of()));

        assertThat(result.findings()).extracting(Finding::rule).containsExactly("length", "readability", "tone");
        assertThat(result.score()).isEqualTo(75);
    }

    private static BrandProfile profile(String voice, List<String> banned, List<String> required) {
        BrandProfile profile = BrandProfile.of("someone");
        profile.setVoice(voice);
        profile.setBannedTerms(banned);
        profile.setRequiredTerms(required);
        return profile;
    }
}
