package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;

/** The verification volume reports read: checks per day and result, from real checks. */
class VerificationVolumeTest extends SpringTestBase {

    @Autowired
    ObjectMapper json;

    @Autowired
    VerificationVolume volume;

    @Test
    void countsEveryCheckUnderItsDayAndResult() throws Exception {
        JsonNode invoice = new IssuedInvoices(this::client).forAlice("1101.00");
        LocalDate today = LocalDate.now(TimeConfig.CHINA);
        Map<VerificationResult, Long> before = totals(today.minusDays(1), today.plusDays(1));

        Checks checks = new Checks(mockMvc, json);
        checks.anonymously(Checks.of(invoice));
        checks.anonymously(Checks.of(invoice));
        checks.anonymously(Checks.wrongTotalOf(invoice));
        checks.anonymously(Map.of("number", "99110000000000000042", "issueDate", "2026-11-03", "totalAmount", "1.00"));

        Map<VerificationResult, Long> after = totals(today.minusDays(1), today.plusDays(1));
        assertThat(after.get(VerificationResult.MATCH) - before.getOrDefault(VerificationResult.MATCH, 0L)).isEqualTo(2);
        assertThat(after.get(VerificationResult.MISMATCH) - before.getOrDefault(VerificationResult.MISMATCH, 0L)).isEqualTo(1);
        assertThat(after.get(VerificationResult.NOT_FOUND) - before.getOrDefault(VerificationResult.NOT_FOUND, 0L)).isEqualTo(1);
        assertThat(volume.byDay(today.minusDays(1), today.plusDays(1)))
                .allSatisfy(count -> assertThat(count.day()).isBetween(today.minusDays(1), today.plusDays(1)));
        assertThat(volume.byDay(today.minusDays(30), today.minusDays(29))).isEmpty();
    }

    private Map<VerificationResult, Long> totals(LocalDate from, LocalDate to) {
        return volume.byDay(from, to).stream()
                .collect(Collectors.groupingBy(VerificationVolume.DailyCount::result, Collectors.summingLong(VerificationVolume.DailyCount::checks)));
    }
}
