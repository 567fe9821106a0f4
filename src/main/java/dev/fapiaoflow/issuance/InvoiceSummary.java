package dev.fapiaoflow.issuance;

import java.math.BigDecimal;
import java.time.Instant;

/** An invoice as listed with its request (API.md: {@code invoices[]} of a request). */
public record InvoiceSummary(long id, String number, InvoiceStatus status, BigDecimal totalAmount, BigDecimal taxAmount,
        Instant issuedAt) {
}
