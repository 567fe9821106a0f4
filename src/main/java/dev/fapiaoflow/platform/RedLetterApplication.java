package dev.fapiaoflow.platform;

import java.math.BigDecimal;
import java.util.List;

/**
 * An application for a red-letter confirmation (红字确认单) reversing a fully digital invoice. When the confirmation
 * needs no confirmation or both sides confirmed, the platform issues the red-letter invoice of an electronic blue
 * invoice by itself under {@code redSerial}; that of a paper one (数电纸质发票, {@code bluePaper}) is asked for with
 * {@link PlatformClient#issueRedOfPaper}, as the documentation says the platform issues it for electronic ones only. {@code billId} is ours (unique, at most 32 characters), so a repeat finds the application it
 * filed before instead of filing a second one. {@code lines} is empty for a full reversal; a partial one names the blue lines (1-based, in the
 * blue invoice's order) and the negative amounts reversed on each.
 */
public record RedLetterApplication(String billId, String redSerial, PlatformOrder.Kind blueKind, boolean bluePaper,
        String blueInvoiceNumber, PlatformOrder.Seller seller, String buyerName, String buyerTaxId, RedReason reason,
        List<Line> lines) {

    /** reversing an electronic 数电 invoice (pc/bs) */
    public RedLetterApplication(String billId, String redSerial, PlatformOrder.Kind blueKind, String blueInvoiceNumber,
            PlatformOrder.Seller seller, String buyerName, String buyerTaxId, RedReason reason, List<Line> lines) {
        this(billId, redSerial, blueKind, false, blueInvoiceNumber, seller, buyerName, buyerTaxId, reason, lines);
    }

    /** the blue invoice's kind as the platform codes it (blueInvoiceLine): pc, bs, or on paper ec, es */
    public String blueInvoiceLine() {
        return PlatformOrder.invoiceLine(blueKind, bluePaper);
    }

    /** 冲红原因, as the platform lists them */
    public enum RedReason { SALES_RETURN, ISSUED_IN_ERROR, SERVICE_TERMINATED, SALES_ALLOWANCE }

    public record Line(int blueLineNo, String goodsName, String goodsCode, BigDecimal taxRate, BigDecimal netAmount,
            BigDecimal taxAmount) {
    }
}
