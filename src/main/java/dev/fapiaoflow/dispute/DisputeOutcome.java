package dev.fapiaoflow.dispute;

/** How a dispute ended. */
public enum DisputeOutcome {
    /** the same invoice e-mailed again */
    RESENT,
    /** the paper invoice posted again */
    REPOSTED,
    /** red-letter invoice and a corrected re-issue */
    CORRECTED,
    /** the paper invoice voided in its month of issue and re-issued */
    VOIDED_AND_REISSUED,
    /** closed with a reason the customer reads */
    REJECTED
}
