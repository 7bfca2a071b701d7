package app.platform.web;

/**
 * What a client asks of a collection: {@code limit} items (default {@value #DEFAULT_LIMIT}, at most
 * {@value #MAX_LIMIT}) after {@code cursor} (the previous page's {@code nextCursor}; absent for the first page).
 * Controllers take it as a parameter; out-of-range or non-numeric limits are answered {@code 400 invalid-input}.
 * Collections answer {@code {items: [...], nextCursor}} ({@link app.platform.dynamodb.Page}).
 */
public record PageRequest(int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
}
