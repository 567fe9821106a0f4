package dev.fapiaoflow.ledger;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.fapiaoflow.shared.Groups;

/** The chain check, for finance managers and administrators. */
@RestController
@RequestMapping("/api/ledger")
class LedgerController {

    private final DocumentLedger ledger;

    LedgerController(DocumentLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/check")
    @PreAuthorize("hasAnyAuthority('" + Groups.FINANCE_MANAGER + "', '" + Groups.ADMIN + "')")
    ChainCheck check() {
        return ledger.check();
    }
}
