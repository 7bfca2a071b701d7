package app.studio;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import app.platform.web.InvalidInput;
import app.platform.web.InvalidInput.FieldError;

/**
 * What the user asks for. One shape for the three content types; each type reads its own fields:
 * {@code blog} {topic, keywords[], length: short|medium|long}, {@code social} {topic, platforms[]} and
 * {@code listing} {productName, features[], audience}.
 */
record ContentBrief(String topic, List<String> keywords, String length, List<String> platforms, String productName,
        List<String> features, String audience) {

    static final Set<String> LENGTHS = Set.of("short", "medium", "long");
    static final List<String> PLATFORMS = List.of("linkedin", "x", "facebook", "instagram");
    private static final int MAX_TEXT = 200;
    private static final int MAX_ITEMS = 20;
    private static final int MAX_KEYWORDS = 10;

    ContentBrief {
        keywords = keywords == null ? List.of() : keywords;
        platforms = platforms == null ? List.of() : platforms;
        features = features == null ? List.of() : features;
    }

    /** This brief, checked for the type; every problem is reported at once. */
    ContentBrief checkedFor(ContentType type) {
        List<FieldError> errors = new ArrayList<>();
        switch (type) {
            case BLOG -> {
                text("topic", topic, errors);
                items("keywords", keywords, errors);
                if (keywords.size() > MAX_KEYWORDS || keywords.stream().anyMatch(k -> k != null && k.length() > 60)) {
                    errors.add(new FieldError("keywords", "must have at most " + MAX_KEYWORDS
                            + " keywords of at most 60 characters, so a short post can hold them all"));
                }
                if (length == null || !LENGTHS.contains(length)) {
                    errors.add(new FieldError("length", "must be short, medium or long"));
                }
            }
            case SOCIAL -> {
                text("topic", topic, errors);
                if (platforms.isEmpty() || !PLATFORMS.containsAll(platforms)
                        || platforms.stream().distinct().count() != platforms.size()) {
                    errors.add(new FieldError("platforms", "must list distinct platforms among " + PLATFORMS));
                }
            }
            case LISTING -> {
                text("productName", productName, errors);
                items("features", features, errors);
                if (features.isEmpty()) {
                    errors.add(new FieldError("features", "must list at least one feature"));
                }
                text("audience", audience, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return this;
    }

    private static void text(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        }
        else if (value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }

    private static void items(String field, List<String> values, List<FieldError> errors) {
        if (values.size() > MAX_ITEMS) {
            errors.add(new FieldError(field, "must have at most " + MAX_ITEMS + " entries"));
        }
        else if (values.stream().anyMatch(value -> value == null || value.isBlank() || value.length() > MAX_TEXT)) {
            errors.add(new FieldError(field, "entries must be 1 to " + MAX_TEXT + " characters"));
        }
    }
}
