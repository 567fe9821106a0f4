package dev.fapiaoflow.verification;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the verification provider said about an invoice we did not issue: {@code result} {@code MATCH} (the authority
 * holds it with these facts), {@code MISMATCH} (it exists, a field differs) or {@code NOT_FOUND}; for a MATCH its
 * {@code status} and the invoice as the authority holds it. {@code checkedAt} is when the provider checked;
 * {@code fromRecord} is true when the answer is our record of an earlier check (repeated checks within the configured
 * time are not sent again). Money travels as strings, as the provider sends it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForeignCheckAnswer(String provider, Result result, ForeignInvoiceStatus status, Instant checkedAt, boolean fromRecord,
        Invoice invoice) {

    public enum Result { MATCH, MISMATCH, NOT_FOUND }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Invoice(String kind, String code, String number, String issueDate, String sellerName, String sellerTaxId,
            String buyerName, String buyerTaxId, String amountExcludingTax, String taxAmount, String totalAmount,
            List<Item> items) {
    }

    /** {@code amount} excludes tax; {@code taxRate} as the provider prints it, e.g. "13%". */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String name, String specification, String unit, String quantity, String unitPrice, String amount,
            String taxRate, String taxAmount) {
    }

    public ForeignCheckAnswer replayed() {
        return new ForeignCheckAnswer(provider, result, status, checkedAt, true, invoice);
    }
}
