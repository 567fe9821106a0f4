package dev.fapiaoflow.issuance;

import java.math.BigDecimal;
import java.util.List;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.buyer.TaxpayerKind;

/** Test data: invoice drafts as the request module would hand them over. */
public final class Drafts {

    public static final String ACME_TITLE = "北京某某科技有限公司";
    public static final String ACME_TAX_ID = "91110108351303601C";

    private Drafts() {
    }

    public static BuyerDetails acme() {
        return new BuyerDetails(BuyerType.ENTERPRISE, ACME_TITLE, ACME_TAX_ID, "北京市海淀区知春路1号", "010-12345678",
                "招商银行北京分行", "110912345610101", "ap@example.com", TaxpayerKind.GENERAL);
    }

    public static BuyerDetails alice() {
        return new BuyerDetails(BuyerType.PERSONAL, "王小丽", null, null, null, null, null, "alice@example.com", null);
    }

    public static DraftLine line(String product, String category, String quantity, String gross) {
        return new DraftLine("SO-2026-0001", product, category, new BigDecimal(quantity), new BigDecimal(gross));
    }

    public static DraftLine pythonCourse() {
        return line("Python 入门课", "TRAINING", "1", "1999.00");
    }

    public static InvoiceDraft draft(long requestId, String owner, BuyerDetails buyer, DraftLine... lines) {
        return new InvoiceDraft(requestId, owner, InvoiceType.NORMAL, buyer, List.of(lines), "订单号 SO-2026-0001");
    }
}
