package app.integrations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.platform.security.AnonymousRoute;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/** The token cipher chosen by {@code app.integrations.token-cipher}, and the callback's anonymous route. */
@Configuration(proxyBeanMethods = false)
class IntegrationsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IntegrationsConfiguration.class);

    /** Authenticated by its {@code state}: the browser that the provider redirects carries no access token. */
    @Bean
    AnonymousRoute integrationsCallbackRoute() {
        return AnonymousRoute.get(IntegrationsController.CALLBACK);
    }

    @Bean
    @ConditionalOnProperty(name = "app.integrations.token-cipher", havingValue = "aes-gcm", matchIfMissing = true)
    TokenCipher aesGcmTokenCipher(IntegrationsSettings settings) {
        if (settings.tokenKey().isBlank()) {
            log.warn("app.integrations.token-key is not set: connected accounts' tokens are encrypted with a fixed "
                    + "development key. Set a random 256-bit key (base64), or use the kms token cipher, anywhere "
                    + "but on a developer's machine.");
            return new AesGcmTokenCipher(developmentKey());
        }
        return AesGcmTokenCipher.ofBase64Key(settings.tokenKey());
    }

    @Bean
    @ConditionalOnProperty(name = "app.integrations.token-cipher", havingValue = "kms")
    TokenCipher kmsTokenCipher(IntegrationsSettings settings, ObjectProvider<AwsRegionProvider> region,
            ObjectProvider<AwsCredentialsProvider> credentials) {
        // The region and credentials Spring Cloud AWS resolved for the other AWS clients, else the SDK's defaults.
        KmsClientBuilder kms = KmsClient.builder();
        region.ifAvailable(provider -> kms.region(provider.getRegion()));
        credentials.ifAvailable(kms::credentialsProvider);
        return new KmsTokenCipher(kms.build(), settings.kmsKeyId());
    }

    /** A key derived from a constant: the same on every local run (so stored tokens stay readable), secret nowhere. */
    private static byte[] developmentKey() {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest("content-platform local development token key".getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
