package bench;

import java.util.List;

/** Percentiles of latencies measured in nanoseconds, in milliseconds, for the benchmarks' reports. */
final class Percentiles {

    private Percentiles() {
    }

    /** The nearest-rank percentile of sorted nanosecond values, in milliseconds ({@code NaN} for none). */
    static double millis(List<Long> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(fraction * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
