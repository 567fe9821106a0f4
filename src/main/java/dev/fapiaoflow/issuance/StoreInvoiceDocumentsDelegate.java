package dev.fapiaoflow.issuance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@value IssuanceProcess#STORE_DOCUMENTS} of {@value IssuanceProcess#KEY}: the PDFs of the invoices just
 * issued. Failures are technical (rendering, signing, database) and thrown for the engine to retry.
 */
@Component("storeInvoiceDocumentsDelegate")
class StoreInvoiceDocumentsDelegate implements JavaDelegate {

    private final IssuanceService issuance;

    StoreInvoiceDocumentsDelegate(IssuanceService issuance) {
        this.issuance = issuance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        issuance.storeDocuments(IssueInvoiceDelegate.requestId(execution));
    }
}
