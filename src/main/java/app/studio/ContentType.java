package app.studio;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the studio generates; its id ({@code blog}, {@code social}, {@code listing}) is the API's path segment. */
enum ContentType {
    BLOG, SOCIAL, LISTING;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ContentType> ofId(String id) {
        return Arrays.stream(values()).filter(type -> type.id().equals(id)).findFirst();
    }
}
