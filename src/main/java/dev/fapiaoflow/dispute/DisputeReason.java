package dev.fapiaoflow.dispute;

/** What the customer says is wrong with the invoice (API.md). */
public enum DisputeReason {
    WRONG_TITLE, WRONG_TAX_ID, WRONG_AMOUNT, WRONG_TYPE, NOT_RECEIVED, OTHER;

    /** the reasons that name a buyer field to correct, so a correction must come with them */
    public boolean needsCorrection() {
        return this == WRONG_TITLE || this == WRONG_TAX_ID;
    }
}
