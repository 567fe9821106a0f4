package dev.fapiaoflow.verification;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.verification.internal.VerificationRecordRepository;

/**
 * How many checks were made, per day and result, for reports. Days are in Asia/Shanghai (each record's
 * {@code checkDay}); single and batch checks alike; LOCKED counts the refusals of a locked number.
 */
@Service
public class VerificationVolume {

    /** Checks of one day with one result. */
    public record DailyCount(LocalDate day, VerificationResult result, long checks) {
    }

    private final VerificationRecordRepository records;

    VerificationVolume(VerificationRecordRepository records) {
        this.records = records;
    }

    /** From {@code from} to {@code to}, both included; days without checks are left out; by day, then result. */
    @Transactional(readOnly = true)
    public List<DailyCount> byDay(LocalDate from, LocalDate to) {
        return records.countByDayAndResult(from, to).stream()
                .map(row -> new DailyCount((LocalDate) row[0], (VerificationResult) row[1], ((Number) row[2]).longValue()))
                .toList();
    }
}
