package dev.fapiaoflow.issuance;

public enum InvoiceKind {
    /** 蓝字发票: an ordinary invoice */
    BLUE,
    /** 红字发票: reverses (part of) a blue invoice, with negative amounts and a link to it */
    RED
}
