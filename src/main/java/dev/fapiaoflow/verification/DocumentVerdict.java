package dev.fapiaoflow.verification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.ledger.LedgerEntry;

/**
 * The answer to an uploaded invoice document: {@code AUTHENTIC} (our signature intact, the facts equal to our
 * records; with the invoice's current status and its ledger entry), {@code TAMPERED} (our document, but changed or
 * damaged) or {@code NOT_OURS} (unsigned, signed by someone else, or no invoice of ours). Never any buyer data, and
 * never the ledger's internal ids or hashes: the public learns that these bytes were registered, and when.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentVerdict(Result result, String format, VerificationStatus status, Invoice invoice, Registration ledger) {

    public enum Result { AUTHENTIC, TAMPERED, NOT_OURS }

    public record Invoice(String number, LocalDate issueDate, BigDecimal totalAmount, InvoiceType type) {
    }

    /** that exactly these bytes are in the document ledger: its entry number and time, no hash, no internal id */
    public record Registration(long seq, String format, Instant recordedAt) {

        static Registration of(LedgerEntry entry) {
            return new Registration(entry.seq(), entry.format(), entry.recordedAt());
        }
    }

    static DocumentVerdict of(Result result, String format) {
        return new DocumentVerdict(result, format, null, null, null);
    }
}
