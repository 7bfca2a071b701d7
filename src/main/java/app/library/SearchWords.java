package app.library;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The distinct words of an item's title and body in lower case, stored as a string set so the library can be
 * searched by words of the body too (DynamoDB's {@code contains} on a set tests membership, on a string it is
 * case-sensitive). Capped in bytes so the item stays within DynamoDB's 400 KB with its body and history.
 */
final class SearchWords {

    static final int MAX_BYTES = 30_000;
    private static final Pattern NOT_A_WORD_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchWords() {
    }

    /** The words to store, or {@code null} when there are none (DynamoDB refuses empty sets). */
    static Set<String> of(String title, String body) {
        Set<String> words = new LinkedHashSet<>();
        int bytes = 0;
        for (String word : split((title == null ? "" : title) + " " + (body == null ? "" : body))) {
            int size = word.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_BYTES) {
                break;
            }
            if (words.add(word)) {
                bytes += size;
            }
        }
        return words.isEmpty() ? null : words;
    }

    /** The words of a search text, as they are stored. */
    static Set<String> ofQuery(String text) {
        return new LinkedHashSet<>(split(text));
    }

    private static java.util.List<String> split(String text) {
        return NOT_A_WORD_CHARACTER.splitAsStream(text.toLowerCase(Locale.ROOT))
                .filter(word -> word.length() >= 2 && word.length() <= 64)
                .toList();
    }
}
