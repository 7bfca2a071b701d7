package app.platform.blobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local blob store: whole objects by key, replaced atomically, never outside its directory. */
class LocalBlobStoreTests {

    @TempDir
    Path root;

    @Test
    void anObjectIsReadBackWholeAndReplacedByTheNextWrite() throws Exception {
        BlobStore store = new LocalBlobStore(root);

        store.put("jobs/1/input", bytes("first"));
        store.put("jobs/1/input", bytes("second"));

        assertThat(store.read("jobs/1/input")).hasValueSatisfying(content -> assertThat(content).isEqualTo(
                bytes("second")));
        try (InputStream in = store.open("jobs/1/input").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes("second"));
        }
        try (var files = Files.list(root.resolve("jobs/1"))) {
            assertThat(files).as("no temporary file is left").containsExactly(root.resolve("jobs/1/input"));
        }
    }

    @Test
    void deletingOneObjectOrAFolderLeavesTheOthers() {
        BlobStore store = new LocalBlobStore(root);
        store.put("jobs/1/input", bytes("a"));
        store.put("jobs/1/part-0", bytes("b"));
        store.put("jobs/2/input", bytes("c"));
        store.put("library/exports/1.zip", bytes("d"));

        store.delete("jobs/2/input");
        store.deleteAll("jobs/1");

        assertThat(store.read("jobs/1/input")).isEmpty();
        assertThat(store.read("jobs/1/part-0")).isEmpty();
        assertThat(store.read("jobs/2/input")).isEmpty();
        assertThat(store.read("library/exports/1.zip")).isPresent();
        store.delete("jobs/2/input");
        store.deleteAll("nothing/here");
        assertThat(store.open("missing")).isEmpty();
    }

    @Test
    void aKeyThatWouldLeaveTheDirectoryIsRefused() {
        BlobStore store = new LocalBlobStore(root);

        for (String key : new String[] { "../outside", "a/../../b", "/etc/passwd", "a//b", "", "a/b/", "a\\b" }) {
            assertThatThrownBy(() -> store.put(key, bytes("x"))).as(key).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
