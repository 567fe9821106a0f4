package dev.fapiaoflow.delivery;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The customer confirms that the posted paper invoice arrived: 204, 404 for someone else's, 409 if not posted. */
@RestController
class ReceiptController {

    private final PaperDeliveryService paper;

    ReceiptController(PaperDeliveryService paper) {
        this.paper = paper;
    }

    @PostMapping("/api/invoice-requests/{id}/receipt")
    @PreAuthorize("hasAuthority('customer')")
    ResponseEntity<Void> confirm(@PathVariable long id, Authentication user) {
        paper.confirmReceipt(id, user.getName());
        return ResponseEntity.noContent().build();
    }
}
