package dev.fapiaoflow.verification;

import java.time.LocalDate;

/**
 * Which flags to list: any of the fields may be null (no restriction). {@code from} and {@code to} are days in
 * Asia/Shanghai, both included, on the time the flag was raised; {@code open} true for open, false for acknowledged;
 * {@code invoiceId} one invoice's flags.
 */
public record AnomalyFilter(AnomalyKind kind, LocalDate from, LocalDate to, Boolean open, Long invoiceId) {

    public static AnomalyFilter all() {
        return new AnomalyFilter(null, null, null, null, null);
    }
}
