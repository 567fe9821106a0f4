package dev.fapiaoflow.ledger;

/**
 * The walk over the whole chain: {@code intact} when every entry's hash is recomputed equal, each entry names its
 * predecessor's hash, the sequence has no gap, and the head points at the last entry; otherwise {@code brokenAtSeq}
 * is the first entry that fails and {@code problem} says how.
 */
public record ChainCheck(boolean intact, long entries, String headHash, Long brokenAtSeq, String problem) {
}
