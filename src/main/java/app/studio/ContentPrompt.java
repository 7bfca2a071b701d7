package app.studio;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a model is asked: a system text with the user's personalization and the answer's JSON shape, and a user text
 * with the brief. The JSON shapes, one object and nothing around it:
 * <ul>
 * <li>blog: {@code {"title": "...", "body": "Markdown, ## headings"}}</li>
 * <li>social: {@code {"title": "...", "posts": [{"platform": "linkedin|x|facebook|instagram", "text": "..."}]}}</li>
 * <li>listing: {@code {"title": "...", "bullets": ["..."], "description": "..."}}</li>
 * </ul>
 *
 * @param system the instructions that hold for every answer: voice, language, shape
 * @param user the brief of this generation
 * @param expectedCharacters how long the answer should be, from the requested length; it sizes the progress plan
 */
record ContentPrompt(String system, String user, int expectedCharacters) {

    /** Words of a blog body by length: the bounds asked for; their middle sizes the progress plan. */
    static final Map<String, Words> BLOG_WORDS = Map.of("short", new Words(150, 300), "medium", new Words(400, 800),
            "long", new Words(1000, 1600));
    static final int X_LIMIT = 280;

    private static final int CHARACTERS_PER_WORD = 6;
    private static final int JSON_OVERHEAD = 120;
    private static final Map<String, Integer> POST_CHARACTERS = Map.of("linkedin", 700, "x", 240, "facebook", 450,
            "instagram", 400);

    record Words(int min, int max) {
    }

    static ContentPrompt of(ContentType type, ContentBrief brief, Personalization personalization) {
        return switch (type) {
            case BLOG -> blog(brief, personalization);
            case SOCIAL -> social(brief, personalization);
            case LISTING -> listing(brief, personalization);
        };
    }

    private static ContentPrompt blog(ContentBrief brief, Personalization personalization) {
        Words words = BLOG_WORDS.get(brief.length());
        String user = "Write a blog post.\n"
                + "Topic: " + brief.topic().strip() + "\n"
                + (brief.keywords().isEmpty() ? ""
                        : "Keywords, each to appear word for word at least once in the body: "
                                + quoted(brief.keywords()) + "\n")
                + "Length of the body: " + words.min() + " to " + words.max() + " words.";
        String shape = "{\"title\": \"the post's title\", \"body\": \"the post in Markdown, with ## section headings\"}";
        int expected = (words.min() + words.max()) / 2 * CHARACTERS_PER_WORD + JSON_OVERHEAD;
        return new ContentPrompt(system(personalization, shape), user, expected);
    }

    private static ContentPrompt social(ContentBrief brief, Personalization personalization) {
        String user = "Write one social media post for each of these platforms: " + quoted(brief.platforms()) + ".\n"
                + "Topic: " + brief.topic().strip() + "\n"
                + (brief.platforms().contains("x") ? "The post for x must be at most " + X_LIMIT
                        + " characters, hashtags included.\n" : "")
                + "Write each post in the style its platform's readers expect.";
        String shape = "{\"title\": \"a short title for the set of posts\", \"posts\": [{\"platform\": \"one of "
                + String.join(", ", brief.platforms()) + "\", \"text\": \"the post\"}]}";
        int expected = brief.platforms().stream().mapToInt(platform -> POST_CHARACTERS.getOrDefault(platform, 400))
                .sum() + JSON_OVERHEAD;
        return new ContentPrompt(system(personalization, shape), user, expected);
    }

    private static ContentPrompt listing(ContentBrief brief, Personalization personalization) {
        String user = "Write a product listing.\n"
                + "Product: " + brief.productName().strip() + "\n"
                + "Audience: " + brief.audience().strip() + "\n"
                + "Features, each to appear word for word in the listing: " + quoted(brief.features()) + "\n"
                + "Give one bullet per feature and a description of 60 to 120 words.";
        String shape = "{\"title\": \"the listing's title, with the product's name\", \"bullets\": [\"one per "
                + "feature\"], \"description\": \"the description\"}";
        int expected = 80 + brief.features().size() * 120 + 90 * CHARACTERS_PER_WORD + JSON_OVERHEAD;
        return new ContentPrompt(system(personalization, shape), user, expected);
    }

    private static String system(Personalization personalization, String shape) {
        StringBuilder system = new StringBuilder("You are a copywriter who writes marketing content");
        if (present(personalization.displayName())) {
            system.append(" for ").append(personalization.displayName().strip());
        }
        system.append(".\nTone of voice: ").append(personalization.toneOr("practical")).append(".\n")
                .append("Readers: people in ").append(personalization.industryOr("growing businesses")).append(".\n")
                .append("Write in ").append(language(personalization.language())).append(".\n")
                .append("Answer with one JSON object and nothing else, no text before or after it, of this shape:\n")
                .append(shape);
        return system.toString();
    }

    private static String language(String tag) {
        if (!present(tag)) {
            return "English";
        }
        String name = Locale.forLanguageTag(tag.strip()).getDisplayName(Locale.ENGLISH);
        return name.isBlank() ? tag.strip() : name + " (" + tag.strip() + ")";
    }

    private static String quoted(List<String> values) {
        return values.stream().map(value -> "\"" + value.strip() + "\"").collect(Collectors.joining(", "));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
