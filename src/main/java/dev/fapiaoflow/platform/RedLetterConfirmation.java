package dev.fapiaoflow.platform;

/**
 * The platform's word on a red-letter confirmation (红字确认单): its application id ({@code billId}), its number once
 * the tax bureau assigned one, its state, and the serial of the red-letter invoice once the platform issued it.
 */
public record RedLetterConfirmation(String billId, String billNo, State state, String redSerial, String message) {

    /** 红字确认单状态 */
    public enum State {
        /** 15 申请中 */
        APPLYING,
        /** 01 无需确认: the red-letter invoice is issued at once */
        NO_CONFIRMATION_NEEDED,
        /** 02 销方录入待购方确认: the buyer has used the invoice and must confirm (72 hours) */
        AWAITING_BUYER,
        /** 03 购方录入待销方确认 */
        AWAITING_SELLER,
        /** 04 购销双方已确认 */
        CONFIRMED,
        /** 05-09 作废 (denied, expired after 72 hours, cancelled) */
        VOID,
        /** 16 申请失败 */
        FAILED;

        /** whether the red-letter invoice may (and on the platform will) be issued now */
        public boolean allowsRedInvoice() {
            return this == NO_CONFIRMATION_NEEDED || this == CONFIRMED;
        }

        public boolean isFinal() {
            return this == VOID || this == FAILED;
        }
    }
}
