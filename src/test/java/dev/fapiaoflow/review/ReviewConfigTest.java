package dev.fapiaoflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The escalation deadline counts working days: Saturdays and Sundays do not count, the hour stays. */
class ReviewConfigTest {

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-11-16T09:30+08:00[Asia/Shanghai], 2, 2026-11-18T09:30+08:00[Asia/Shanghai]", // Monday -> Wednesday
            "2026-11-19T09:30+08:00[Asia/Shanghai], 2, 2026-11-23T09:30+08:00[Asia/Shanghai]", // Thursday -> Monday
            "2026-11-20T17:00+08:00[Asia/Shanghai], 2, 2026-11-24T17:00+08:00[Asia/Shanghai]", // Friday -> Tuesday
            "2026-11-21T10:00+08:00[Asia/Shanghai], 2, 2026-11-24T10:00+08:00[Asia/Shanghai]", // Saturday -> Tuesday
            "2026-11-22T10:00+08:00[Asia/Shanghai], 1, 2026-11-23T10:00+08:00[Asia/Shanghai]", // Sunday -> Monday
            "2026-11-18T10:00+08:00[Asia/Shanghai], 0, 2026-11-18T10:00+08:00[Asia/Shanghai]" })
    void escalationSkipsWeekends(String from, int days, String expected) {
        assertThat(ReviewConfig.addWorkingDays(ZonedDateTime.parse(from), days)).isEqualTo(ZonedDateTime.parse(expected));
    }
}
