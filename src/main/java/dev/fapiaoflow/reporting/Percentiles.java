package dev.fapiaoflow.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Percentiles of durations by linear interpolation between the closest ranks (Excel's PERCENTILE.INC, R's type 7):
 * the median of 1, 2, 3, 4 hours is 2.5 hours, as people expect, and p90 of a single value is that value.
 */
public final class Percentiles {

    private final List<Duration> sorted;

    private Percentiles(List<Duration> sorted) {
        this.sorted = sorted;
    }

    public static Percentiles of(Collection<Duration> durations) {
        return new Percentiles(durations.stream().sorted().toList());
    }

    public int count() {
        return sorted.size();
    }

    public Duration median() {
        return percentile(50);
    }

    public Duration p90() {
        return percentile(90);
    }

    /** the p-th percentile (0–100); null when there are no durations */
    public Duration percentile(int p) {
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile " + p);
        }
        if (sorted.isEmpty()) {
            return null;
        }
        double rank = (sorted.size() - 1) * p / 100.0;
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        long lower = sorted.get(below).toMillis();
        long upper = sorted.get(above).toMillis();
        return Duration.ofMillis(Math.round(lower + (upper - lower) * (rank - below)));
    }

    /** a duration in hours with two decimals (0.01 h is 36 s), as the reports show it; null stays null */
    public static BigDecimal hours(Duration duration) {
        return duration == null ? null
                : BigDecimal.valueOf(duration.toMillis()).divide(BigDecimal.valueOf(3_600_000), 2, RoundingMode.HALF_UP);
    }
}
