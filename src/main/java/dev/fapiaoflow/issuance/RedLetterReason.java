package dev.fapiaoflow.issuance;

import dev.fapiaoflow.shared.Texts;

/**
 * Why a red-letter invoice (红字发票) reverses a blue one: the four reasons the tax bureau and the platform list
 * (开票有误, 销货退回, 服务中止, 销售折让). {@code code} is the tax bureau's, printed on the face; the platform numbers
 * them differently (saveInvoiceRedConfirm redReason 1销货退回 2开票有误 3服务中止 4销售折让), which its adapter maps.
 * The words come from the message bundles ({@code invoice.redReason.<NAME>}).
 */
public enum RedLetterReason {
    ISSUED_IN_ERROR("01"),
    SALES_RETURN("02"),
    SERVICE_TERMINATED("03"),
    SALES_ALLOWANCE("04");

    private final String code;

    RedLetterReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** the words printed on the invoice (its face is in the product's language, whoever reads it) */
    public String label() {
        return Texts.inProductLanguage("invoice.redReason." + name());
    }

    public static RedLetterReason ofCode(String code) {
        for (RedLetterReason reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("no red-letter reason " + code);
    }
}
