package dev.fapiaoflow.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.request.RequestReviewService;

/**
 * Facts the approval's decisions rest on, read from the stored request, never from process variables (which a
 * task completion or a variable edit could have changed). The model calls it where it decides, e.g. DecideFourEyes
 * maps {@code ${storedReviewFacts.totalAmountFen(execution)}} into the four-eyes table's input. The request is
 * the process instance's business key, which no task completion can change.
 */
@Component("storedReviewFacts")
public class StoredReviewFacts {

    private final RequestReviewService requests;

    StoredReviewFacts(RequestReviewService requests) {
        this.requests = requests;
    }

    /** the request's stored total incl. VAT, in fen */
    public long totalAmountFen(DelegateExecution execution) {
        return requests.riskFacts(Long.parseLong(execution.getProcessBusinessKey())).totalAmountFen();
    }
}
