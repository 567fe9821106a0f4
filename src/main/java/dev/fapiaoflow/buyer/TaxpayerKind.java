package dev.fapiaoflow.buyer;

public enum TaxpayerKind {
    /** 一般纳税人: may deduct input VAT, so may ask for a special invoice. */
    GENERAL,
    /** 小规模纳税人 */
    SMALL_SCALE
}
