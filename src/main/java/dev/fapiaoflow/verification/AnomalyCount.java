package dev.fapiaoflow.verification;

/** How many flags of one kind were raised in a period, and how many of them are still open. */
public record AnomalyCount(AnomalyKind kind, long raised, long open) {
}
