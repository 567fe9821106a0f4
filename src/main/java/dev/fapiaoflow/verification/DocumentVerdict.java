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
 * damaged) or {@code NOT_OURS} (unsigned, signed by someone else, or no invoice of ours). For a file that is not ours,
 * {@code invoice} holds what its standard invoice QR code says (with {@code code}, {@code kind} and {@code checkCode}
 * for the person to confirm before a check), and {@code check} what the verification provider answered, when one is
 * configured. Never any buyer data of our own invoices, and never the ledger's internal ids or hashes: the public
 * learns that these bytes were registered, and when.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentVerdict(Result result, String format, VerificationStatus status, Invoice invoice, Registration ledger,
        ForeignCheckAnswer check) {

    public enum Result { AUTHENTIC, TAMPERED, NOT_OURS }

    /** {@code type} for our own invoices; {@code code}, {@code kind}, {@code checkCode} as read from a QR code. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Invoice(String number, LocalDate issueDate, BigDecimal totalAmount, InvoiceType type, String code, String kind,
            String checkCode) {

        Invoice(String number, LocalDate issueDate, BigDecimal totalAmount, InvoiceType type) {
            this(number, issueDate, totalAmount, type, null, null, null);
        }
    }

    /** that exactly these bytes are in the document ledger: its entry number and time, no hash, no internal id */
    public record Registration(long seq, String format, Instant recordedAt) {

        static Registration of(LedgerEntry entry) {
            return new Registration(entry.seq(), entry.format(), entry.recordedAt());
        }
    }

    static DocumentVerdict of(Result result, String format) {
        return new DocumentVerdict(result, format, null, null, null, null);
    }
}
