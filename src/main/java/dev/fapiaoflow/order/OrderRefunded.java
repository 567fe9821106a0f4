package dev.fapiaoflow.order;

import java.math.BigDecimal;

/**
 * The shop reported a (further) refund of an order that was already invoiced by request {@code requestId}:
 * {@code refunded − previouslyRefunded} (tax included) must be reversed by a red-letter invoice. Published inside the
 * order's upsert transaction; a listener that fails makes the shop's push fail, so nothing is half-recorded.
 */
public record OrderRefunded(String orderNo, String customer, long requestId, BigDecimal previouslyRefunded,
        BigDecimal refunded, boolean fullyRefunded) {

    public BigDecimal newlyRefunded() {
        return refunded.subtract(previouslyRefunded);
    }
}
