package app.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class AesGcmTokenCipherTests {

    private static final String TOKEN = "ya29.a0AfH6SMBx-access-token";

    private final AesGcmTokenCipher cipher = new AesGcmTokenCipher(randomKey());

    @Test
    void decryptsWhatItEncrypted() {
        String sealed = cipher.encrypt(TOKEN);

        assertThat(sealed).startsWith("v1:").doesNotContain(TOKEN);
        assertThat(cipher.decrypt(sealed)).isEqualTo(TOKEN);
    }

    @Test
    void usesAFreshIvForEveryValue() {
        String first = cipher.encrypt(TOKEN);
        String second = cipher.encrypt(TOKEN);

        assertThat(first).isNotEqualTo(second);
        assertThat(iv(first)).isNotEqualTo(iv(second)).hasSize(12);
    }

    @Test
    void refusesAnAlteredCiphertext() {
        byte[] bytes = Base64.getDecoder().decode(cipher.encrypt(TOKEN).substring(3));
        bytes[bytes.length / 2] ^= 0x01;
        String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesACiphertextOfAnotherKey() {
        String sealed = new AesGcmTokenCipher(randomKey()).encrypt(TOKEN);

        assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesATruncatedOrForeignCiphertext() {
        assertThatThrownBy(() -> cipher.decrypt("v1:AAAA")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(TOKEN)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void acceptsOnlyA256BitKey() {
        assertThatThrownBy(() -> new AesGcmTokenCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] iv(String sealed) {
        byte[] iv = new byte[12];
        System.arraycopy(Base64.getDecoder().decode(sealed.substring(3)), 0, iv, 0, 12);
        return iv;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
