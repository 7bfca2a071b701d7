package app.tools;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.platform.text.ReadingEase;
import app.platform.web.InvalidInput;

/** Readability (Flesch reading ease) and keyword density of an English text. */
final class TextAnalysis {

    static final int MAX_TEXT = 100_000;
    private static final int TOP_WORDS = 10;

    private TextAnalysis() {
    }

    record Readability(BigDecimal fleschReadingEase, String level, int words, int sentences, int syllables) {
    }

    record KeywordDensity(int words, List<Keyword> keywords) {
    }

    record Keyword(String keyword, int occurrences, BigDecimal densityPercent) {
    }

    /** Flesch reading ease ({@link ReadingEase}), to one decimal, with its level in words. */
    static Readability readability(String text) {
        ReadingEase.Score score = ReadingEase.of(requireText(text));
        BigDecimal rounded = BigDecimal.valueOf(score.value()).setScale(1, RoundingMode.HALF_UP);
        return new Readability(rounded, level(score.value()), score.words(), score.sentences(), score.syllables());
    }

    /**
     * How often each keyword (a word or a phrase) occurs, and its share of the text's words in percent; without
     * keywords, the ten most frequent words of three letters or more.
     */
    static KeywordDensity keywordDensity(String text, List<String> keywords) {
        List<String> words = words(requireText(text));
        List<String> wanted = keywords == null || keywords.isEmpty() ? frequentWords(words)
                : keywords.stream().map(keyword -> keyword == null ? "" : keyword.strip()).toList();
        List<Keyword> result = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            List<String> phrase = words(wanted.get(i));
            if (phrase.isEmpty()) {
                throw InvalidInput.of("keywords[" + i + "]", "must contain a word");
            }
            int occurrences = occurrences(words, phrase);
            BigDecimal density = BigDecimal.valueOf((long) occurrences * phrase.size() * 100)
                    .divide(BigDecimal.valueOf(words.size()), 2, RoundingMode.HALF_UP);
            result.add(new Keyword(String.join(" ", phrase), occurrences, density));
        }
        return new KeywordDensity(words.size(), result);
    }

    private static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.of("text", "is required");
        }
        if (text.length() > MAX_TEXT) {
            throw InvalidInput.of("text", "must be at most " + MAX_TEXT + " characters");
        }
        if (words(text).isEmpty()) {
            throw InvalidInput.of("text", "must contain at least one word");
        }
        return text;
    }

    private static List<String> words(String text) {
        return ReadingEase.words(text);
    }

    static int syllables(String word) {
        return ReadingEase.syllables(word);
    }

    private static int occurrences(List<String> words, List<String> phrase) {
        int count = 0;
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            if (words.subList(i, i + phrase.size()).equals(phrase)) {
                count++;
            }
        }
        return count;
    }

    private static List<String> frequentWords(List<String> words) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        words.stream().filter(word -> word.length() >= 3).forEach(word -> counts.merge(word, 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_WORDS)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static String level(double score) {
        if (score >= 90) {
            return "very easy";
        }
        if (score >= 70) {
            return "easy";
        }
        if (score >= 60) {
            return "plain";
        }
        if (score >= 50) {
            return "fairly difficult";
        }
        if (score >= 30) {
            return "difficult";
        }
        return "very difficult";
    }
}
