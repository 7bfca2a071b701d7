package app.studio;

import java.util.stream.Collectors;

/** Generated content as the one Markdown document the library keeps. */
final class LibraryDocument {

    private LibraryDocument() {
    }

    static String of(GeneratedContent content) {
        if (content.posts() != null && !content.posts().isEmpty()) {
            return content.posts().stream()
                    .map(post -> "## " + post.platform() + "\n\n" + post.text())
                    .collect(Collectors.joining("\n\n"));
        }
        if (content.bullets() != null && !content.bullets().isEmpty()) {
            return content.bullets().stream().map(bullet -> "- " + bullet).collect(Collectors.joining("\n"))
                    + "\n\n" + (content.description() == null ? "" : content.description());
        }
        return content.body() == null ? "" : content.body();
    }
}
