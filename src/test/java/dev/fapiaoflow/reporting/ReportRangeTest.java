package dev.fapiaoflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;

class ReportRangeTest {

    /** 2026-11-30T17:30Z is already 1 December in Shanghai */
    private final Clock lateOnNovember30Utc = Clock.fixed(Instant.parse("2026-11-30T17:30:00Z"), ZoneOffset.UTC);

    @Test
    void defaultsToTheTwelveShanghaiMonthsUpToToday() {
        ReportRange range = ReportRange.parse(null, "", lateOnNovember30Utc);

        assertThat(range.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(range.to()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(range.months()).hasSize(12).startsWith("2026-01").endsWith("2026-12");
        assertThat(range.daily()).isFalse();
    }

    @Test
    void monthsAreShanghaiMonths() {
        assertThat(ReportRange.monthOf(Instant.parse("2026-11-30T15:59:59Z"))).isEqualTo("2026-11");
        assertThat(ReportRange.monthOf(Instant.parse("2026-11-30T16:00:00Z"))).isEqualTo("2026-12");
        assertThat(ReportRange.monthOf(Instant.parse("2025-12-31T16:00:00Z"))).isEqualTo("2026-01");
    }

    @Test
    void coversWholeShanghaiDaysFromMidnightToMidnight() {
        ReportRange range = new ReportRange(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));

        assertThat(range.start()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(range.end()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(range.contains(Instant.parse("2026-10-31T16:00:00Z"))).isTrue();
        assertThat(range.contains(Instant.parse("2026-10-31T15:59:59Z"))).isFalse();
        assertThat(range.contains(Instant.parse("2026-11-30T16:00:00Z"))).isFalse();
    }

    @Test
    void shortRangesAreBucketedByDayLongOnesByMonth() {
        ReportRange week = new ReportRange(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 2));
        assertThat(week.daily()).isTrue();
        assertThat(week.buckets()).containsExactly("2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30",
                "2026-12-01", "2026-12-02");
        assertThat(week.bucketOf(LocalDate.of(2026, 12, 1))).isEqualTo("2026-12-01");

        ReportRange quarter = new ReportRange(LocalDate.of(2026, 9, 15), LocalDate.of(2026, 12, 2));
        assertThat(quarter.daily()).isFalse();
        assertThat(quarter.buckets()).containsExactly("2026-09", "2026-10", "2026-11", "2026-12");
        assertThat(quarter.bucketOf(LocalDate.of(2026, 12, 1))).isEqualTo("2026-12");
    }

    @Test
    void aMissingEndMeansToday() {
        assertThat(ReportRange.parse("2026-06-01", null, lateOnNovember30Utc))
                .isEqualTo(new ReportRange(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 12, 1)));
    }

    @Test
    void refusesMalformedDatesNamingTheFields() {
        assertThatThrownBy(() -> ReportRange.parse("2026-13-01", "yesterday", lateOnNovember30Utc))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("from", "to"));
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        assertThatThrownBy(() -> ReportRange.parse("2026-11-02", "2026-11-01", lateOnNovember30Utc))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).singleElement().extracting(FieldError::field).isEqualTo("to"));
    }

    @Test
    void refusesRangesLongerThanFiveYearsAndOutlandishYears() {
        assertThatThrownBy(() -> ReportRange.parse("2020-01-01", "2026-01-01", lateOnNovember30Utc))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ReportRange.parse("0999-01-01", "2026-01-01", lateOnNovember30Utc))
                .isInstanceOf(InvalidInputException.class);
        assertThat(ReportRange.parse("2021-01-01", "2026-01-01", lateOnNovember30Utc).months()).hasSize(61);
    }
}
