package dev.fapiaoflow.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One fully digital invoice (数电票) to be issued by the platform, identified by our own serial ({@code orderNo}): the
 * platform issues at most one invoice per serial and answers a repeat with "duplicate serial". Amounts are exact to the
 * fen; the lines' net, tax and gross amounts are those stored here, so the platform's invoice equals ours.
 */
public record PlatformOrder(String serial, Kind kind, Instant orderedAt, Seller seller, Buyer buyer, String remarks,
        List<Line> lines, BigDecimal totalAmount, boolean paper) {

    /** an e-invoice (数电 电子发票), the usual case */
    public PlatformOrder(String serial, Kind kind, Instant orderedAt, Seller seller, Buyer buyer, String remarks,
            List<Line> lines, BigDecimal totalAmount) {
        this(serial, kind, orderedAt, seller, buyer, remarks, lines, totalAmount, false);
    }

    /** the fully digital invoice kinds the school issues; {@code paper} prints one of them on paper (数电纸质发票) */
    public enum Kind { ORDINARY, SPECIAL }

    /**
     * The platform's code of a 数电 invoice kind (发票种类 invoiceLine / blueInvoiceLine): pc, bs, and on paper ec, es.
     * Recorded on every invoice, so its red-letter names the kind of the blue invoice it reverses.
     */
    public static String invoiceLine(Kind kind, boolean paper) {
        return dev.fapiaoflow.platform.internal.NuonuoMessages.invoiceLine(kind, paper);
    }

    /**
     * 销售方: the school, which must be the platform account's seller; {@code clerk} is the 开票人 printed on the
     * invoice; a small-scale taxpayer (小规模纳税人) states why it issues at 3% (the platform asks).
     */
    public record Seller(String name, String taxId, String address, String phone, String bankAccount, String clerk,
            boolean smallScale) {
    }

    /** 购买方 as printed; blank fields are sent empty */
    public record Buyer(String name, String taxId, String address, String phone, String bankAccount, String email) {
    }

    /**
     * One line: {@code goodsCode} is the 19-digit tax classification code (税收分类编码), {@code unitPrice} excludes tax
     * (8 decimals), {@code taxRate} a fraction such as 0.06.
     */
    public record Line(String goodsName, String goodsCode, String unit, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal taxRate, BigDecimal netAmount, BigDecimal taxAmount, BigDecimal grossAmount) {
    }

    @Override
    public String toString() {
        // no buyer fields in logs
        return "PlatformOrder[serial=" + serial + ", kind=" + kind + ", total=" + totalAmount + "]";
    }
}
