package app.platform.push;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id of an event: the id Redis gave its history entry ({@code <milliseconds>-<sequence>}), so ids are ordered
 * and the same on every instance.
 */
record StreamId(long millis, long sequence) implements Comparable<StreamId> {

    static final StreamId ZERO = new StreamId(0, 0);
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,19})-(\\d{1,19})");

    static Optional<StreamId> parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StreamId(Long.parseUnsignedLong(matcher.group(1)),
                    Long.parseUnsignedLong(matcher.group(2))));
        }
        catch (NumberFormatException outOfRange) {
            return Optional.empty();
        }
    }

    boolean isAfter(StreamId other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(StreamId other) {
        int byTime = Long.compareUnsigned(millis, other.millis);
        return byTime != 0 ? byTime : Long.compareUnsigned(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(millis) + "-" + Long.toUnsignedString(sequence);
    }
}
