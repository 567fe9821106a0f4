package dev.fapiaoflow.delivery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** RecordPosting: the reviewer handed the paper invoice to the courier (form fields courier, trackingNumber). */
@Component("recordPostingDelegate")
class RecordPostingDelegate implements JavaDelegate {

    private final InvoiceMailService mailService;

    RecordPostingDelegate(InvoiceMailService mailService) {
        this.mailService = mailService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = (Long) execution.getVariable(DeliveryProcess.Vars.REQUEST_ID);
        String actor = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
                ? "finance-reviewer"
                : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        mailService.recordPosting(requestId, actor);
    }
}
