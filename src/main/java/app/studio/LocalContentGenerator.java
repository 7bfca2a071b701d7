package app.studio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built-in generator: no network, deterministic, composing structured content from the brief, the user's
 * personalization and fixed phrasing, in chunks. It uses every keyword and every feature word for word; blogs are
 * 150-300 (short), 400-800 (medium) or 1000-1600 (long) words; one post per platform, X posts at most 280
 * characters; listings have a title, one bullet per feature and a description.
 */
class LocalContentGenerator implements ContentGenerator {

    private static final Map<String, Integer> BLOG_WORDS = Map.of("short", 220, "medium", 600, "long", 1300);
    private static final int X_LIMIT = 280;
    private static final List<String> SECTIONS = List.of("Why it matters", "Where to start", "What works in practice",
            "Common mistakes", "Measuring progress", "Going further", "A checklist", "Questions to ask");
    private static final List<String> SENTENCES = List.of(
            "Teams that take %s seriously tend to see results sooner than they expect.",
            "The first step with %s is to be clear about the outcome you want.",
            "A %s approach keeps the work focused on what customers actually need.",
            "Small, regular improvements to %s compound over a quarter.",
            "It helps to write down what %s means for your team before changing anything.",
            "Most of the value of %s comes from doing the basics consistently.",
            "Share what you learn about %s so the next project starts further ahead.",
            "Review %s with real numbers, not impressions, once a month.");

    private final Duration chunkDelay;

    LocalContentGenerator(Duration chunkDelay) {
        this.chunkDelay = chunkDelay;
    }

    @Override
    public GeneratedContent generate(ContentType type, ContentBrief brief, Personalization personalization,
            Progress progress) {
        return switch (type) {
            case BLOG -> blog(brief, personalization, progress);
            case SOCIAL -> social(brief, personalization, progress);
            case LISTING -> listing(brief, personalization, progress);
        };
    }

    private GeneratedContent blog(ContentBrief brief, Personalization personalization, Progress progress) {
        int target = BLOG_WORDS.get(brief.length());
        int sections = Math.max(3, Math.min(SECTIONS.size(), target / 150));
        int planned = sections + 2;
        int seed = Math.floorMod(brief.topic().hashCode(), SENTENCES.size());
        String topic = brief.topic().strip();
        StringBuilder body = new StringBuilder();
        String tone = personalization.toneOr("practical");
        String industry = personalization.industryOr("growing businesses");

        body.append(sentence("This is a " + tone + " guide to " + topic + " for " + industry + ".")).append(' ')
                .append(keywordSentence(brief.keywords())).append("\n\n");
        chunk(progress, 1, planned);
        int wordsPerSection = (target - words(body)) / (sections + 1);
        for (int section = 0; section < sections; section++) {
            body.append("## ").append(SECTIONS.get(section)).append("\n\n");
            int start = words(body);
            int line = 0;
            while (words(body) - start < wordsPerSection) {
                String subject = brief.keywords().isEmpty() ? topic
                        : brief.keywords().get((section + line) % brief.keywords().size());
                body.append(SENTENCES.get((seed + section + line) % SENTENCES.size()).formatted(subject)).append(' ');
                line++;
            }
            body.append("\n\n");
            chunk(progress, section + 2, planned);
        }
        body.append("## In short\n\n").append(sentence("Start small with " + topic
                + ", measure what changes, and keep what works.")).append(' ');
        while (words(body) < target * 9 / 10) {
            body.append(SENTENCES.get(seed++ % SENTENCES.size()).formatted(topic)).append(' ');
        }
        chunk(progress, planned, planned);
        return new GeneratedContent(title(topic) + ": a " + tone + " guide", body.toString().strip(), List.of(),
                List.of(), null);
    }

    private GeneratedContent social(ContentBrief brief, Personalization personalization, Progress progress) {
        int planned = Math.max(5, brief.platforms().size() + 2);
        String topic = brief.topic().strip();
        String hashtag = "#" + title(topic).replaceAll("[^A-Za-z0-9]", "");
        chunk(progress, 1, planned);
        List<GeneratedContent.Post> posts = new ArrayList<>();
        for (String platform : brief.platforms()) {
            String text = switch (platform) {
                case "linkedin" -> "What we learned about " + topic + " this quarter, in "
                        + personalization.toneOr("plain") + " words: focus on the basics, measure honestly, and "
                        + "share the results with your team. What has worked for you? " + hashtag;
                case "x" -> fit(topic + ": start small, measure honestly, keep what works. " + hashtag, X_LIMIT);
                case "facebook" -> "We have been thinking about " + topic + ". Here is the short version: do the "
                        + "basics well and keep going. Tell us your experience in the comments!";
                default -> "A fresh look at " + topic + ". Small steps, real results. " + hashtag + " #behindthescenes";
            };
            posts.add(new GeneratedContent.Post(platform, text));
            chunk(progress, posts.size() + 1, planned);
        }
        for (int step = posts.size() + 2; step <= planned; step++) {
            chunk(progress, step, planned);
        }
        return new GeneratedContent(title(topic), null, List.copyOf(posts), List.of(), null);
    }

    private GeneratedContent listing(ContentBrief brief, Personalization personalization, Progress progress) {
        int planned = Math.max(5, brief.features().size() + 2);
        String product = brief.productName().strip();
        String title = product + " for " + brief.audience().strip();
        chunk(progress, 1, planned);
        List<String> bullets = new ArrayList<>();
        for (String feature : brief.features()) {
            bullets.add(feature.strip() + ": built for everyday use by " + brief.audience().strip() + ".");
            chunk(progress, bullets.size() + 1, planned);
        }
        String description = product + " is made for " + brief.audience().strip() + ". It brings "
                + String.join(", ", brief.features().stream().map(String::strip).toList()) + " together in one "
                + personalization.toneOr("well-made") + " package, so you can spend less time choosing and more "
                + "time using it.";
        for (int step = bullets.size() + 2; step <= planned; step++) {
            chunk(progress, step, planned);
        }
        return new GeneratedContent(title, null, List.of(), List.copyOf(bullets), description);
    }

    private void chunk(Progress progress, int written, int planned) {
        if (!chunkDelay.isZero()) {
            try {
                Thread.sleep(chunkDelay);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Generation interrupted", e);
            }
        }
        progress.chunkWritten(written, planned);
    }

    private static String keywordSentence(List<String> keywords) {
        return keywords.isEmpty() ? "" : "We will look at " + String.join(", ", keywords) + ".";
    }

    private static String sentence(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String title(String topic) {
        return Character.toUpperCase(topic.charAt(0)) + topic.substring(1);
    }

    private static String fit(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1).strip() + "\u2026";
    }

    private static int words(CharSequence text) {
        String trimmed = text.toString().strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
