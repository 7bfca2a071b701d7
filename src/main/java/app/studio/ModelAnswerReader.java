package app.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a model's answer (the JSON object of {@link ContentPrompt}, optionally in a {@code ```json} fence) into
 * {@link GeneratedContent}, or refuses it with {@link UnusableModelAnswer} saying why. The rules: every part of the
 * shape is present and not blank; a social generation has a post for every platform asked for (posts for other
 * platforms are dropped, and the first of two posts for one platform is kept); every keyword of a blog appears in
 * its body, and every feature of a listing appears in its bullets or description, word for word (letter case aside,
 * since a keyword may open a sentence). An X post over 280 characters is trimmed at the last word boundary that
 * leaves room for an ellipsis rather than refused: the rest of the answer is good and the post stays readable.
 */
class ModelAnswerReader {

    private static final Pattern FENCE = Pattern.compile("^```[A-Za-z]*\\s*\\n(.*?)\\n?\\s*```$", Pattern.DOTALL);
    private static final int EXCERPT = 80;

    private final JsonMapper json = JsonMapper.builder().build();

    GeneratedContent read(ContentType type, ContentBrief brief, String answer) {
        JsonNode root = parse(answer);
        return switch (type) {
            case BLOG -> blog(root, brief);
            case SOCIAL -> social(root, brief);
            case LISTING -> listing(root, brief);
        };
    }

    private JsonNode parse(String answer) {
        String text = answer == null ? "" : answer.strip();
        Matcher fenced = FENCE.matcher(text);
        if (fenced.matches()) {
            text = fenced.group(1).strip();
        }
        if (text.isEmpty()) {
            throw new UnusableModelAnswer("the model's answer was empty");
        }
        try {
            JsonNode root = json.readTree(text);
            if (root == null || !root.isObject()) {
                throw new UnusableModelAnswer("the model's answer is not a JSON object: " + excerpt(text));
            }
            return root;
        }
        catch (JacksonException notJson) {
            throw new UnusableModelAnswer("the model's answer is not valid JSON (" + notJson.getOriginalMessage()
                    + "): " + excerpt(text));
        }
    }

    private static GeneratedContent blog(JsonNode root, ContentBrief brief) {
        String title = text(root, "title");
        String body = text(root, "body");
        requireEveryTerm("keyword", brief.keywords(), body);
        return new GeneratedContent(title, body, List.of(), List.of(), null);
    }

    private static GeneratedContent social(JsonNode root, ContentBrief brief) {
        String title = text(root, "title");
        JsonNode posts = root.path("posts");
        if (!posts.isArray()) {
            throw new UnusableModelAnswer("the model's answer has no posts");
        }
        Map<String, String> byPlatform = new LinkedHashMap<>();
        for (JsonNode post : posts) {
            String platform = post.path("platform").asString("").strip().toLowerCase(Locale.ROOT);
            String text = post.path("text").asString("").strip();
            if (!text.isEmpty()) {
                byPlatform.putIfAbsent(platform, text);
            }
        }
        List<String> missing = brief.platforms().stream().filter(platform -> !byPlatform.containsKey(platform))
                .toList();
        if (!missing.isEmpty()) {
            throw new UnusableModelAnswer("the model's answer has no post for " + String.join(", ", missing));
        }
        List<GeneratedContent.Post> ordered = brief.platforms().stream().map(platform -> new GeneratedContent.Post(
                platform, platform.equals("x") ? fit(byPlatform.get(platform)) : byPlatform.get(platform))).toList();
        return new GeneratedContent(title, null, ordered, List.of(), null);
    }

    private static GeneratedContent listing(JsonNode root, ContentBrief brief) {
        String title = text(root, "title");
        JsonNode items = root.path("bullets");
        List<String> bullets = new ArrayList<>();
        if (items.isArray()) {
            items.forEach(item -> {
                String bullet = item.asString("").strip();
                if (!bullet.isEmpty()) {
                    bullets.add(bullet);
                }
            });
        }
        if (bullets.isEmpty()) {
            throw new UnusableModelAnswer("the model's answer has no bullets");
        }
        String description = text(root, "description");
        requireEveryTerm("feature", brief.features(), String.join("\n", bullets) + "\n" + description);
        return new GeneratedContent(title, null, List.of(), List.copyOf(bullets), description);
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new UnusableModelAnswer("the model's answer has no " + field);
        }
        return value.asString().strip();
    }

    private static void requireEveryTerm(String kind, List<String> terms, String text) {
        String haystack = text.toLowerCase(Locale.ROOT);
        List<String> missing = terms.stream().map(String::strip)
                .filter(term -> !haystack.contains(term.toLowerCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            throw new UnusableModelAnswer("the model's answer does not use the " + kind + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing.stream().map(term -> "\"" + term + "\"").toList())
                    + " word for word");
        }
    }

    /** At most 280 characters: cut at the last space that leaves room for an ellipsis. */
    static String fit(String post) {
        if (post.length() <= ContentPrompt.X_LIMIT) {
            return post;
        }
        String head = post.substring(0, ContentPrompt.X_LIMIT - 1);
        int space = head.lastIndexOf(' ');
        String cut = (space > 0 ? head.substring(0, space) : head).strip();
        return cut + "\u2026";
    }

    private static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT) + "\u2026";
    }
}
