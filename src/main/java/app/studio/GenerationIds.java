package app.studio;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Generation ids are UUID version 7 (RFC 9562): time-ordered, so a user's generations list newest first by key,
 * and unguessable in their random part.
 */
final class GenerationIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private GenerationIds() {
    }

    static String next(Instant now) {
        long millis = now.toEpochMilli();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
