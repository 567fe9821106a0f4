package dev.fapiaoflow.platform;

import java.math.BigDecimal;
import java.util.List;

/**
 * One invoice to be issued by the platform, identified by our own serial ({@code orderNo}): the platform issues at
 * most one invoice per serial and answers a repeat with "duplicate serial".
 */
public record PlatformOrder(String serial, String invoiceType, String buyerName, String buyerTaxId, String remarks,
        List<Line> lines, BigDecimal totalAmount) {

    public record Line(String goodsName, BigDecimal quantity, BigDecimal taxRate, BigDecimal netAmount, BigDecimal taxAmount,
            BigDecimal grossAmount) {
    }

    @Override
    public String toString() {
        // no buyer fields in logs
        return "PlatformOrder[serial=" + serial + ", total=" + totalAmount + "]";
    }
}
