package app.studio;

import java.util.List;

/**
 * Generated content. A blog has a title and a body; a social generation one post per platform; a listing a title,
 * bullets and a description.
 */
record GeneratedContent(String title, String body, List<Post> posts, List<String> bullets, String description) {

    record Post(String platform, String text) {
    }
}
