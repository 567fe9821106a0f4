package dev.fapiaoflow.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.shared.Texts;

/**
 * The days a report covers, both included, as business days in Asia/Shanghai: an invoice issued at 2026-11-30T17:00Z
 * belongs to December (01:00 on the 1st in Shanghai). Short ranges are bucketed by day, longer ones by month.
 */
public record ReportRange(LocalDate from, LocalDate to) {

    /** ranges up to this many days are shown day by day */
    public static final int DAILY_UP_TO_DAYS = 62;
    public static final int MAX_YEARS = 5;

    public ReportRange {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException(from + " is after " + to);
        }
    }

    /** the twelve calendar months up to today: the first day of the month eleven months ago until today */
    public static ReportRange lastTwelveMonths(Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(TimeConfig.CHINA));
        return new ReportRange(today.withDayOfMonth(1).minusMonths(11), today);
    }

    /** Both given as yyyy-MM-dd, or both left out for the last twelve months; anything else is a 400 with field errors. */
    public static ReportRange parse(String from, String to, Clock clock) {
        boolean noFrom = from == null || from.isBlank();
        boolean noTo = to == null || to.isBlank();
        if (noFrom && noTo) {
            return lastTwelveMonths(clock);
        }
        ReportRange defaults = lastTwelveMonths(clock);
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = noFrom ? defaults.from() : date("from", from, errors);
        LocalDate end = noTo ? defaults.to() : date("to", to, errors);
        if (errors.isEmpty()) {
            if (start.isAfter(end)) {
                errors.add(new FieldError("to", Texts.of("range.to.beforeFrom", start)));
            } else if (start.plusYears(MAX_YEARS).isBefore(end)) {
                errors.add(new FieldError("to", Texts.of("range.tooLong", MAX_YEARS)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ReportRange(start, end);
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.getYear() < 2000 || date.getYear() > 2999) {
                errors.add(new FieldError(field, Texts.of("field.date.year")));
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, Texts.of("field.date.format")));
            return null;
        }
    }

    /** the first instant of the range: midnight of {@code from} in Shanghai */
    public Instant start() {
        return from.atStartOfDay(TimeConfig.CHINA).toInstant();
    }

    /** the first instant after the range: midnight after {@code to} in Shanghai */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(TimeConfig.CHINA).toInstant();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    public boolean daily() {
        return ChronoUnit.DAYS.between(from, to) < DAILY_UP_TO_DAYS;
    }

    /** every month the range touches, as yyyy-MM, in order */
    public List<String> months() {
        List<String> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            months.add(month.toString());
        }
        return months;
    }

    /** the month (yyyy-MM) of an instant in Shanghai */
    public static String monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(TimeConfig.CHINA)).toString();
    }

    /** the buckets of the range: every day (yyyy-MM-dd) of a short range, else every month (yyyy-MM) */
    public List<String> buckets() {
        if (!daily()) {
            return months();
        }
        return from.datesUntil(to.plusDays(1)).map(LocalDate::toString).toList();
    }

    /** the bucket of a Shanghai business day, as {@link #buckets()} names it */
    public String bucketOf(LocalDate day) {
        return daily() ? day.toString() : YearMonth.from(day).toString();
    }
}
