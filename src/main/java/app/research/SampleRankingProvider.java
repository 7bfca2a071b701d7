package app.research;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Generated rankings for local runs, labelled {@value #SOURCE}: no network and no key. Each figure is derived from a
 * hash of the keyword, the competitor (or the user's own domain) and the time bucket, so the same question in the
 * same bucket always gets the same answer, and from one bucket to the next positions move by a few places and prices
 * by a few percent around a stable base, the way real rankings drift.
 */
final class SampleRankingProvider implements RankingProvider {

    static final String SOURCE = "sample";
    private static final int BASE_POSITIONS = 30;
    private static final int MAX_MOVE = 3;
    private static final int MAX_POSITION = 50;

    private final Duration bucket;

    SampleRankingProvider(Duration bucket) {
        this.bucket = bucket;
    }

    @Override
    public RankingSnapshot rank(RankingQuery query) {
        long bucketNumber = Math.floorDiv(query.at().getEpochSecond(), bucket.toSeconds());
        String keyword = query.keyword().toLowerCase(Locale.ROOT);
        String own = "own:" + (query.ownDomain() == null ? "" : query.ownDomain().toLowerCase(Locale.ROOT));
        List<RankingSnapshot.CompetitorRanking> competitors = query.competitors().stream()
                .map(name -> new RankingSnapshot.CompetitorRanking(name,
                        position(keyword, "competitor:" + name.toLowerCase(Locale.ROOT), bucketNumber),
                        price(keyword, name.toLowerCase(Locale.ROOT), bucketNumber)))
                .toList();
        return new RankingSnapshot(query.at(), SOURCE, position(keyword, own, bucketNumber), competitors);
    }

    /** A stable base position from 1 to 30, moved by up to three places either way per bucket. */
    static int position(String keyword, String entity, long bucketNumber) {
        int base = 1 + hash(keyword, entity) % BASE_POSITIONS;
        int move = hash(keyword, entity, Long.toString(bucketNumber)) % (2 * MAX_MOVE + 1) - MAX_MOVE;
        return Math.clamp(base + move, 1, MAX_POSITION);
    }

    /** A stable base price from 10.00 to 199.99, within 10 % either way per bucket. */
    static BigDecimal price(String keyword, String competitor, long bucketNumber) {
        BigDecimal base = BigDecimal.valueOf(1000 + hash(keyword, competitor, "price") % 19000, 2);
        int percent = hash(keyword, competitor, "price", Long.toString(bucketNumber)) % 21 - 10;
        return base.multiply(BigDecimal.valueOf(100 + percent)).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }

    /** A non-negative number from the first four bytes of the SHA-256 of the parts. */
    private static int hash(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return ByteBuffer.wrap(digest.digest()).getInt() & Integer.MAX_VALUE;
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
