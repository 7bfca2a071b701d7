package app.platform.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Flesch reading ease of an English text: 206.835 - 1.015 x words per sentence - 84.6 x syllables per word.
 * Higher is easier (60-70: plain English). A standard formula, shared by the calculators and the brand audits.
 */
public final class ReadingEase {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+");
    private static final Pattern VOWEL_GROUP = Pattern.compile("[aeiouy]+");

    private ReadingEase() {
    }

    /** The score with what it was computed from. */
    public record Score(double value, int words, int sentences, int syllables) {
    }

    /** The score of a text with at least one word. */
    public static Score of(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("A reading ease needs at least one word");
        }
        int sentences = sentences(text.strip());
        int syllables = words.stream().mapToInt(ReadingEase::syllables).sum();
        double value = 206.835 - 1.015 * words.size() / sentences - 84.6 * syllables / words.size();
        return new Score(value, words.size(), sentences, syllables);
    }

    /** The words of a text, lower case. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    /** Vowel groups, less a silent final e, at least one. */
    public static int syllables(String word) {
        String letters = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (letters.isEmpty()) {
            return 1;
        }
        int count = (int) VOWEL_GROUP.matcher(letters).results().count();
        if (letters.endsWith("e") && !letters.endsWith("le") && count > 1) {
            count--;
        }
        return Math.max(1, count);
    }

    /** Sentence ends, plus a last sentence without its full stop. */
    private static int sentences(String text) {
        int ends = (int) SENTENCE_END.matcher(text).results().count();
        boolean closed = !text.isEmpty() && ".!?".indexOf(text.charAt(text.length() - 1)) >= 0;
        return Math.max(1, closed ? ends : ends + 1);
    }
}
