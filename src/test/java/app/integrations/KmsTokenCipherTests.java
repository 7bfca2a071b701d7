package app.integrations;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/** The KMS cipher's own checks; its calls to KMS run in AWS only (there is no local KMS engine). */
class KmsTokenCipherTests {

    private final KmsClient kms = KmsClient.builder().region(Region.US_EAST_1)
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build();

    @Test
    void needsAKey() {
        assertThatThrownBy(() -> new KmsTokenCipher(kms, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kms-key-id");
    }

    @Test
    void refusesCiphertextsOfAnotherScheme() {
        KmsTokenCipher cipher = new KmsTokenCipher(kms, "alias/integrations-tokens");

        assertThatThrownBy(() -> cipher.decrypt("v1:AAAA")).isInstanceOf(IllegalStateException.class);
    }
}
