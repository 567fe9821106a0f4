package dev.fapiaoflow.issuance;

public enum InvoiceType {
    /** 增值税电子普通发票 */
    NORMAL,
    /** 增值税专用发票 */
    SPECIAL
}
