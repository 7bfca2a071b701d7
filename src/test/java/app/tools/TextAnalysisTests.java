package app.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Readability and keyword density of English text. */
class TextAnalysisTests {

    @Test
    void syllablesAreVowelGroupsLessASilentFinalE() {
        assertThat(TextAnalysis.syllables("the")).isEqualTo(1);
        assertThat(TextAnalysis.syllables("cake")).isEqualTo(1);
        assertThat(TextAnalysis.syllables("table")).isEqualTo(2);
        assertThat(TextAnalysis.syllables("readability")).isEqualTo(5);
    }

    @Test
    void fleschReadingEaseOfAPlainSentence() {
        var result = TextAnalysis.readability("The cat sat on the mat.");

        assertThat(result.words()).isEqualTo(6);
        assertThat(result.sentences()).isEqualTo(1);
        assertThat(result.syllables()).isEqualTo(6);
        assertThat(result.fleschReadingEase()).isEqualByComparingTo("116.1");
        assertThat(result.level()).isEqualTo("very easy");
    }

    @Test
    void aLastSentenceWithoutFullStopStillCounts() {
        assertThat(TextAnalysis.readability("One sentence here. Another one without a stop").sentences()).isEqualTo(2);
    }

    @Test
    void keywordDensityCountsPhrasesAsTheirShareOfTheWords() {
        var result = TextAnalysis.keywordDensity("Organic coffee beans. Buy organic coffee today.",
                List.of("Organic Coffee"));

        assertThat(result.words()).isEqualTo(7);
        assertThat(result.keywords()).singleElement().satisfies(keyword -> {
            assertThat(keyword.keyword()).isEqualTo("organic coffee");
            assertThat(keyword.occurrences()).isEqualTo(2);
            assertThat(keyword.densityPercent()).isEqualByComparingTo("57.14");
        });
    }

    @Test
    void withoutKeywordsTheMostFrequentWordsAreMeasured() {
        var result = TextAnalysis.keywordDensity("coffee tea coffee an coffee tea", null);

        assertThat(result.keywords()).extracting(TextAnalysis.Keyword::keyword).containsExactly("coffee", "tea");
    }

    @Test
    void textIsRequiredAndBounded() {
        assertThatThrownBy(() -> TextAnalysis.readability("  ")).hasMessageContaining("text: is required");
        assertThatThrownBy(() -> TextAnalysis.readability("x".repeat(TextAnalysis.MAX_TEXT + 1)))
                .hasMessageContaining("at most 100000 characters");
        assertThatThrownBy(() -> TextAnalysis.readability("...!")).hasMessageContaining("at least one word");
    }
}
