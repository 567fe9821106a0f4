package dev.fapiaoflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static List<Duration> hours(int... values) {
        return IntStream.of(values).mapToObj(Duration::ofHours).toList();
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Percentiles.of(hours(4, 1, 3, 2)).median()).isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void medianOfAnOddCountIsTheMiddleValueWhateverTheInputOrder() {
        assertThat(Percentiles.of(hours(9, 1, 5)).median()).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void p90InterpolatesBetweenTheClosestRanksLikeExcelPercentileInc() {
        // 1..10 hours: rank (10-1)*0.9 = 8.1 -> 9 h + 0.1 * (10 h - 9 h) = 9 h 6 min
        assertThat(Percentiles.of(hours(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)).p90()).isEqualTo(Duration.ofMinutes(9 * 60 + 6));
    }

    @Test
    void p90IsPulledUpByASlowTailThatTheMedianIgnores() {
        Percentiles stats = Percentiles.of(hours(1, 1, 1, 1, 1, 1, 1, 1, 1, 48));
        assertThat(stats.median()).isEqualTo(Duration.ofHours(1));
        assertThat(stats.p90()).isGreaterThan(Duration.ofHours(5));
    }

    @Test
    void aSingleDurationIsItsOwnMedianAndP90() {
        Percentiles stats = Percentiles.of(hours(7));
        assertThat(stats.median()).isEqualTo(Duration.ofHours(7));
        assertThat(stats.p90()).isEqualTo(Duration.ofHours(7));
        assertThat(stats.count()).isEqualTo(1);
    }

    @Test
    void noDurationsHaveNoPercentiles() {
        Percentiles stats = Percentiles.of(List.of());
        assertThat(stats.median()).isNull();
        assertThat(stats.p90()).isNull();
        assertThat(Percentiles.hours(stats.median())).isNull();
    }

    @Test
    void refusesPercentilesOutsideZeroToHundred() {
        assertThatThrownBy(() -> Percentiles.of(hours(1)).percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hoursHaveTwoDecimals() {
        assertThat(Percentiles.hours(Duration.ofMinutes(90))).isEqualByComparingTo("1.50");
        assertThat(Percentiles.hours(Duration.ofSeconds(20))).isEqualTo(new BigDecimal("0.01"));
    }
}
