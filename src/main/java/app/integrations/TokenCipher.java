package app.integrations;

/**
 * Encrypts the tokens of connected accounts before they are stored, and decrypts them for use. Ciphertexts are text
 * (they go into string attributes) and carry what the cipher needs to decrypt them (IV, key reference).
 */
interface TokenCipher {

    String encrypt(String plaintext);

    /** The plaintext; {@link IllegalStateException} if the ciphertext was altered or is not this cipher's. */
    String decrypt(String ciphertext);
}
