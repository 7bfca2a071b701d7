package app.brand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import app.platform.text.ReadingEase;

/**
 * Audits a text against a brand profile. The score starts at 100 and loses 20 per banned term used, 15 per required
 * term missing, 10 for a length outside 30 to 300 words, 10 for a Flesch reading ease under 50 and 5 for a tone
 * that does not fit the voice ({@code formal}: no exclamation marks or contractions; {@code friendly}: speaks to
 * the reader). Terms are matched case-insensitively as whole words or phrases.
 */
final class BrandRules {

    private static final int MIN_WORDS = 30;
    private static final int MAX_WORDS = 300;
    private static final double MIN_READING_EASE = 50;
    private static final Pattern CONTRACTION = Pattern.compile("\\b\\w+'(re|ll|ve|d|s|t)\\b", Pattern.CASE_INSENSITIVE);

    private BrandRules() {
    }

    record Result(int score, List<Finding> findings) {
    }

    static Result audit(String text, BrandProfile profile) {
        List<Finding> findings = new ArrayList<>();
        int score = 100;
        for (String term : profile.getBannedTerms()) {
            if (contains(text, term)) {
                findings.add(new Finding("banned-term", term, "uses the banned term \"" + term + "\""));
                score -= 20;
            }
        }
        for (String term : profile.getRequiredTerms()) {
            if (!contains(text, term)) {
                findings.add(new Finding("required-term", term, "lacks the required term \"" + term + "\""));
                score -= 15;
            }
        }
        int words = ReadingEase.words(text).size();
        if (words < MIN_WORDS || words > MAX_WORDS) {
            findings.add(new Finding("length", null, words + " words; between " + MIN_WORDS + " and " + MAX_WORDS
                    + " read best"));
            score -= 10;
        }
        double readingEase = words == 0 ? 0 : ReadingEase.of(text).value();
        if (readingEase < MIN_READING_EASE) {
            findings.add(new Finding("readability", null, "reading ease %.0f; aim for 50 or more"
                    .formatted(readingEase)));
            score -= 10;
        }
        Optional<Finding> tone = toneFinding(text, profile.getVoice());
        if (tone.isPresent()) {
            findings.add(tone.get());
            score -= 5;
        }
        return new Result(Math.max(0, score), List.copyOf(findings));
    }

    private static Optional<Finding> toneFinding(String text, String voice) {
        String wanted = voice == null ? "" : voice.toLowerCase(Locale.ROOT);
        if (wanted.contains("formal") && (text.contains("!") || CONTRACTION.matcher(text).find())) {
            return Optional.of(new Finding("tone", null,
                    "exclamation marks or contractions do not fit a formal voice"));
        }
        if (wanted.contains("friendly") && !Pattern.compile("\\byou(r)?\\b", Pattern.CASE_INSENSITIVE).matcher(text)
                .find()) {
            return Optional.of(new Finding("tone", null, "a friendly voice speaks to the reader (you)"));
        }
        return Optional.empty();
    }

    private static boolean contains(String text, String term) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term.strip()) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE).matcher(text).find();
    }
}
