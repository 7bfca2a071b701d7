package app.platform.blobs;

import java.io.InputStream;
import java.util.Optional;

/**
 * Binary objects by key ({@code a/b/c}: letters, digits, {@code .-_} and {@code /} between segments). A write
 * replaces the object whole; a reader sees either the old or the new content, never a part.
 */
public interface BlobStore {

    /** Stores the content under the key, replacing what was there. */
    void put(String key, byte[] content);

    /** The content under the key, if any; the caller closes the stream. */
    Optional<InputStream> open(String key);

    /** The content under the key, if any, read whole. */
    Optional<byte[]> read(String key);

    /** Removes the object under the key, if any. */
    void delete(String key);

    /** Removes every object whose key starts with {@code prefix + "/"}. */
    void deleteAll(String prefix);

    /** Throws unless the key is made of safe segments, so no key leaves the store's root. */
    static String checked(String key) {
        if (key == null || !key.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*") || key.contains("..")) {
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
        return key;
    }
}
