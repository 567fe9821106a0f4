package dev.fapiaoflow.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stands in for {@code review.StoredReviewFacts}: the totals of the stored requests, by request id (the approval's
 * business key), which the four-eyes decision reads instead of the process variable. Public: the model calls it.
 */
public final class StoredTotals {

    private final Map<String, Long> fenByRequest = new HashMap<>();

    static StoredTotals registered() {
        StoredTotals totals = new StoredTotals();
        Mocks.register("storedReviewFacts", totals);
        return totals;
    }

    StoredTotals storing(long requestId, long totalFen) {
        fenByRequest.put(String.valueOf(requestId), totalFen);
        return this;
    }

    public long totalAmountFen(DelegateExecution execution) {
        Long fen = fenByRequest.get(execution.getProcessBusinessKey());
        if (fen == null) {
            throw new IllegalStateException("no stored request " + execution.getProcessBusinessKey());
        }
        return fen;
    }
}
