package dev.fapiaoflow.request;

/**
 * What the risk-hint table looks at, computed from the database: the customer's earlier requests and how many
 * customers (accounts) used this request's tax ID, counted over the blind index, never over decrypted values.
 */
public record RiskFacts(long earlierRequests, long accountsSharingCreditCode, long totalAmountFen) {
}
