package dev.fapiaoflow.verification;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.ledger.LedgerEntry;

/**
 * The answer to an uploaded invoice document: {@code AUTHENTIC} (our signature intact, the facts equal to our
 * records; with the invoice's current status and its ledger entry), {@code TAMPERED} (our document, but changed or
 * damaged) or {@code NOT_OURS} (unsigned, signed by someone else, or no invoice of ours). Never any buyer data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentVerdict(Result result, String format, VerificationStatus status, Invoice invoice, LedgerEntry ledger) {

    public enum Result { AUTHENTIC, TAMPERED, NOT_OURS }

    public record Invoice(String number, LocalDate issueDate, BigDecimal totalAmount, InvoiceType type) {
    }

    static DocumentVerdict of(Result result, String format) {
        return new DocumentVerdict(result, format, null, null, null);
    }
}
