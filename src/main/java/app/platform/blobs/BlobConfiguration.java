package app.platform.blobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.services.s3.S3Client;

/** The blob store of {@code app.blobs.store}: a local directory (the default) or an S3 bucket. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlobSettings.class)
class BlobConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BlobConfiguration.class);

    @Bean
    BlobStore blobStore(BlobSettings settings) {
        if (settings.store() == BlobSettings.Store.S3) {
            if (settings.bucket() == null || settings.bucket().isBlank()) {
                throw new IllegalStateException("app.blobs.store=s3 needs app.blobs.bucket");
            }
            log.info("Blobs are stored in the S3 bucket {}", settings.bucket());
            // Region and credentials from the environment (the task or function role in AWS).
            return new S3BlobStore(S3Client.create(), settings.bucket(), settings.prefix());
        }
        log.info("Blobs are stored under {}", settings.directory());
        return new LocalBlobStore(settings.directory());
    }
}
