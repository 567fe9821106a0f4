package dev.fapiaoflow.order;

/** What an order push did: answered 201 when created, 200 otherwise. */
public record UpsertOutcome(Result result, OrderView order) {

    public enum Result {
        CREATED, UPDATED, UNCHANGED
    }
}
