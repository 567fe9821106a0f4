package dev.fapiaoflow.periodic;

/** What a periodic run did for one customer; {@code requestId} only when it created a request. */
public record PeriodOutcome(Result result, String period, Long requestId) {

    public enum Result {
        /** one merged request over the period's paid, not yet invoiced orders */
        REQUESTED,
        /** this customer's period has its request already (an earlier or concurrent run) */
        ALREADY_INVOICED,
        /** no paid, unclaimed order in the period */
        NOTHING_DUE,
        /** the subscription names a title the customer has deleted since */
        TITLE_MISSING,
        /** the customer opted out after the run started */
        NOT_SUBSCRIBED
    }
}
