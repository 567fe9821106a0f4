package dev.fapiaoflow.review;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.request.RequestForReview;
import dev.fapiaoflow.request.RequestReviewService;

/** The special-invoice review: what the approval process's steps and the review endpoints do. */
@Service
public class ReviewService {

    /** what a reviewer sees: the request with decrypted buyer details, and the risk hints */
    public record ReviewView(RequestForReview request, List<String> riskHints) {
    }

    private final RequestReviewService requests;
    private final RiskHints riskHints;
    private final ReviewNotices notices;
    private final RuntimeService runtimeService;

    ReviewService(RequestReviewService requests, RiskHints riskHints, ReviewNotices notices, RuntimeService runtimeService) {
        this.requests = requests;
        this.riskHints = riskHints;
        this.notices = notices;
        this.runtimeService = runtimeService;
    }

    /** read-write: evaluating the hints table writes its decision history (MySQL refuses that in a read-only transaction) */
    @Transactional
    public ReviewView review(long requestId) {
        RequestForReview request = requests.forReview(requestId);
        return new ReviewView(request, riskHints.of(request.riskFacts()));
    }

    List<String> riskHints(long requestId) {
        return riskHints.of(requests.riskFacts(requestId));
    }

    @Transactional
    void askForMoreInfo(long requestId, String whatIsMissing) {
        requests.askForMoreInfo(requestId, whatIsMissing);
        notices.moreInfoNeeded(requestId, whatIsMissing);
    }

    /**
     * Stores the customer's corrected details and moves the waiting approval on, in one transaction: the message
     * takes the process back to review (IN_REVIEW) before the answer goes out.
     */
    @Transactional
    public void supplement(long requestId, String customer, BuyerDetails corrected) {
        requests.supplement(requestId, customer, corrected);
        runtimeService.createMessageCorrelation(SpecialVatApprovalProcess.Messages.CUSTOMER_SUPPLEMENT)
                .processInstanceBusinessKey(String.valueOf(requestId))
                .correlate();
    }

    void notifyCustomer(long requestId, String notice, String comment) {
        if (SpecialVatApprovalProcess.Outcomes.REJECTED.equals(notice)) {
            notices.rejected(requestId, comment);
        } else {
            notices.cancelled(requestId);
        }
    }

    void notifyManagers(long requestId) {
        notices.escalated(requestId);
    }
}
