package dev.fapiaoflow.verification;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The 200 answer of API.md "Verification". Only a MATCH carries status, invoice and {@code verifiedCount};
 * MISMATCH and NOT_FOUND are the bare result, so a wrong guess learns nothing. Money travels as strings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationAnswer(VerificationResult result, VerificationStatus status, Invoice invoice, Long verifiedCount) {

    public static VerificationAnswer bare(VerificationResult result) {
        return new VerificationAnswer(result, null, null, null);
    }

    public boolean matched() {
        return result == VerificationResult.MATCH;
    }

    public record Invoice(String number, String issueDate, String kind, String type, String sellerName, String buyerName,
            String totalAmount, String taxAmount, List<Item> items) {
    }

    /** {@code amount} is net of tax (金额); {@code taxRate} as a fraction, e.g. "0.06". */
    public record Item(String itemName, String quantity, String amount, String taxRate, String taxAmount) {
    }
}
