package dev.fapiaoflow.verification;

/** What a verification check may reveal to finance. */
public enum AnomalyKind {
    /** Several parties other than the owner got a MATCH for one invoice: possibly reimbursed twice. */
    MULTIPLE_VERIFIERS,
    /** Many MISMATCH answers against one number within a short window: someone guessing the fields. */
    MISMATCH_BURST,
    /** A voided or red-flushed invoice was presented (and matched): someone still trying to use it. */
    INVALIDATED_INVOICE_VERIFIED
}
