package app.integrations;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit IV per value. A ciphertext is {@code v1:} followed by the base64 of IV,
 * encrypted bytes and the 128-bit authentication tag, so an altered value fails to decrypt rather than yielding
 * another token.
 */
final class AesGcmTokenCipher implements TokenCipher {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    AesGcmTokenCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The token key must be 256 bits (32 bytes), not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A cipher with a base64-encoded 256-bit key. */
    static AesGcmTokenCipher ofBase64Key(String base64Key) {
        return new AesGcmTokenCipher(Base64.getDecoder().decode(base64Key.strip()));
    }

    @Override
    public String encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    @Override
    public String decrypt(String ciphertext) {
        if (ciphertext == null || !ciphertext.startsWith(PREFIX)) {
            throw new IllegalStateException("Not an AES-GCM token ciphertext");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
            if (bytes.length < IV_BYTES + TAG_BITS / 8) {
                throw new IllegalStateException("Truncated AES-GCM token ciphertext");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The token ciphertext was altered or was made with another key", e);
        }
    }
}
