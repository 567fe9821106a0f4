package dev.fapiaoflow.review;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.request.InvoiceRequestService;
import dev.fapiaoflow.request.InvoiceRequestView;
import dev.fapiaoflow.security.CurrentUser;

/** The review page's data (finance only) and the customer's supplement to a request that needs more information. */
@RestController
@RequestMapping("/api/invoice-requests/{id}")
class ReviewController {

    private final ReviewService review;
    private final InvoiceRequestService requests;

    ReviewController(ReviewService review, InvoiceRequestService requests) {
        this.review = review;
        this.requests = requests;
    }

    @dev.fapiaoflow.audit.AuditedRead(objectType = "invoice-request")
    @GetMapping("/review")
    @PreAuthorize("hasAnyAuthority('finance-reviewer', 'finance-manager')")
    ReviewService.ReviewView reviewOf(@PathVariable long id) {
        return review.review(id);
    }

    /** 200 with the request, IN_REVIEW again; 404 for another customer's request, 409 unless NEEDS_INFO */
    @PostMapping("/supplement")
    @PreAuthorize("hasAuthority('customer')")
    ResponseEntity<InvoiceRequestView> supplement(@PathVariable long id, @Valid @RequestBody BuyerDetails corrected,
            Authentication user) {
        review.supplement(id, user.getName(), corrected);
        return ResponseEntity.ok(requests.find(id, CurrentUser.of(user)));
    }
}
