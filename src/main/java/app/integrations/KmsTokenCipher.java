package app.integrations;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * Encrypts each token with AWS KMS ({@code Encrypt}/{@code Decrypt} under one symmetric key; tokens are far below
 * KMS's 4 KB limit). A ciphertext is {@code kms:} followed by the base64 of KMS's ciphertext blob, which names the
 * key itself. The application never sees the key material; access is governed by the key policy and audited.
 */
final class KmsTokenCipher implements TokenCipher {

    private static final String PREFIX = "kms:";

    private final KmsClient kms;
    private final String keyId;

    KmsTokenCipher(KmsClient kms, String keyId) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("app.integrations.kms-key-id is required with the kms token cipher");
        }
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public String encrypt(String plaintext) {
        SdkBytes blob = kms.encrypt(request -> request.keyId(keyId)
                .plaintext(SdkBytes.fromString(plaintext, StandardCharsets.UTF_8))).ciphertextBlob();
        return PREFIX + Base64.getEncoder().encodeToString(blob.asByteArray());
    }

    @Override
    public String decrypt(String ciphertext) {
        if (ciphertext == null || !ciphertext.startsWith(PREFIX)) {
            throw new IllegalStateException("Not a KMS token ciphertext");
        }
        try {
            SdkBytes blob = SdkBytes.fromByteArray(Base64.getDecoder().decode(ciphertext.substring(PREFIX.length())));
            return kms.decrypt(request -> request.keyId(keyId).ciphertextBlob(blob)).plaintext()
                    .asString(StandardCharsets.UTF_8);
        }
        catch (KmsException | IllegalArgumentException e) {
            throw new IllegalStateException("KMS could not decrypt the token ciphertext", e);
        }
    }
}
