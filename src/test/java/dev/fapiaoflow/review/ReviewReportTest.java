package dev.fapiaoflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ReviewReportTest {

    @Test
    void backlogAgesFallIntoUnderOneDayOneToTwoTwoToFiveAndOlder() {
        assertThat(ReviewReport.ageBucket(Duration.ZERO)).isZero();
        assertThat(ReviewReport.ageBucket(Duration.ofHours(23).plusMinutes(59))).isZero();
        assertThat(ReviewReport.ageBucket(Duration.ofDays(1))).isEqualTo(1);
        assertThat(ReviewReport.ageBucket(Duration.ofDays(2))).isEqualTo(2);
        assertThat(ReviewReport.ageBucket(Duration.ofDays(5).minusSeconds(1))).isEqualTo(2);
        assertThat(ReviewReport.ageBucket(Duration.ofDays(5))).isEqualTo(3);
        assertThat(ReviewReport.ageBucket(Duration.ofDays(400))).isEqualTo(3);
    }
}
