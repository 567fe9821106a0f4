package dev.fapiaoflow.issuance;

import java.math.BigDecimal;

/**
 * One item to invoice: what was bought and what was paid for it, tax included (refunds already
 * deducted). The issuance turns it into a tax line using the tax-classification DMN table.
 */
public record DraftLine(String orderNo, String productName, String category, BigDecimal quantity, BigDecimal grossAmount) {
}
