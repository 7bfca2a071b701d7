package app.platform.blobs;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param store {@code local} (a directory) or {@code s3}
 * @param dir the directory of the local store; by default {@code content-platform-blobs} in the system's temporary
 *     directory
 * @param bucket the S3 bucket (required for {@code s3})
 * @param prefix the key prefix inside the bucket
 */
@Validated
@ConfigurationProperties("app.blobs")
record BlobSettings(
        @DefaultValue("local") Store store,
        Path dir,
        String bucket,
        @DefaultValue("") String prefix) {

    enum Store {
        LOCAL, S3
    }

    Path directory() {
        return dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"), "content-platform-blobs");
    }
}
