package app.platform.blobs;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Objects in an Amazon S3 bucket, under an optional key prefix. S3's writes are atomic per object. */
final class S3BlobStore implements BlobStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3BlobStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null || prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    @Override
    public void put(String key, byte[] content) {
        s3.putObject(request -> request.bucket(bucket).key(keyOf(key)), RequestBody.fromBytes(content));
    }

    @Override
    public Optional<InputStream> open(String key) {
        try {
            return Optional.of(s3.getObject(request -> request.bucket(bucket).key(keyOf(key))));
        }
        catch (NoSuchKeyException missing) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(request -> request.bucket(bucket).key(keyOf(key))).asByteArray());
        }
        catch (NoSuchKeyException missing) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(keyOf(key)));
    }

    @Override
    public void deleteAll(String prefix) {
        String folder = keyOf(prefix) + "/";
        for (var page : s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(folder))) {
            List<ObjectIdentifier> keys = page.contents().stream().map(S3Object::key)
                    .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            if (!keys.isEmpty()) {
                s3.deleteObjects(request -> request.bucket(bucket).delete(Delete.builder().objects(keys).build()));
            }
        }
    }

    private String keyOf(String key) {
        return (prefix == null ? "" : prefix) + BlobStore.checked(key);
    }
}
