package dev.fapiaoflow.issuance;

/** Why a red-letter invoice (红字发票) reverses a blue one: the tax bureau's reason codes, printed on the face. */
public enum RedLetterReason {
    ISSUED_IN_ERROR("01", "开票有误"),
    SALES_RETURN("02", "销货退回"),
    SERVICE_TERMINATED("03", "服务中止"),
    SALES_ALLOWANCE("04", "销售折让");

    private final String code;
    private final String label;

    RedLetterReason(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
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
