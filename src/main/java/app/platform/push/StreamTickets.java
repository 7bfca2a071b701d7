package app.platform.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Short-lived, single-use tickets that open a user's event stream without an {@code Authorization} header (a
 * browser's {@code EventSource} cannot send one). A ticket is 256 random bits; Redis keeps only its SHA-256 hash,
 * with the user, for {@code app.push.ticket-lifetime}, and its first use deletes it.
 */
public class StreamTickets {

    private static final SecureRandom random = new SecureRandom();

    private final StringRedisTemplate redis;
    private final PushSettings settings;
    private final Clock clock;

    StreamTickets(StringRedisTemplate redis, PushSettings settings, Clock clock) {
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A ticket.
     *
     * @param ticket the value to pass as the stream's {@code ticket} query parameter
     * @param expiresAt when it stops working if unused
     */
    public record Ticket(String ticket, Instant expiresAt) {
    }

    /**
     * Issues a ticket for the user.
     *
     * @throws PushUnavailable when Redis does not answer
     */
    public Ticket issue(String user) {
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        Instant expiresAt = clock.instant().plus(settings.ticketLifetime());
        try {
            redis.opsForValue().set(settings.ticketKey(hash(ticket)), user, settings.ticketLifetime());
        }
        catch (DataAccessException unavailable) {
            throw new PushUnavailable();
        }
        return new Ticket(ticket, expiresAt);
    }

    /**
     * Spends a ticket: the user it was issued to, or nothing when it is unknown, expired or already used.
     *
     * @throws PushUnavailable when Redis does not answer
     */
    public Optional<String> redeem(String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 100) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(redis.opsForValue().getAndDelete(settings.ticketKey(hash(ticket))));
        }
        catch (DataAccessException unavailable) {
            throw new PushUnavailable();
        }
    }

    private static String hash(String ticket) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(ticket.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
