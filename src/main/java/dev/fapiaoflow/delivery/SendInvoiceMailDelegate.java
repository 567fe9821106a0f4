package dev.fapiaoflow.delivery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** SendInvoiceMail: an async step; an SMTP failure is thrown so the engine retries it. */
@Component("sendInvoiceMailDelegate")
class SendInvoiceMailDelegate implements JavaDelegate {

    private final InvoiceMailService mailService;

    SendInvoiceMailDelegate(InvoiceMailService mailService) {
        this.mailService = mailService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = (Long) execution.getVariable(DeliveryProcess.Vars.REQUEST_ID);
        InvoiceMailService.Outcome outcome = mailService.deliverByMail(requestId);
        execution.setVariable(DeliveryProcess.Vars.MAIL_OUTCOME, outcome.name());
    }
}
