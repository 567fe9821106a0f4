package dev.fapiaoflow.delivery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.delivery.DeliveryProcess.Vars;

/** RecordPosting: finance handed the paper invoice to the courier (form fields courier, trackingNumber). */
@Component("recordPostingDelegate")
class RecordPostingDelegate implements JavaDelegate {

    private final PaperDeliveryService paper;

    RecordPostingDelegate(PaperDeliveryService paper) {
        this.paper = paper;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        paper.recordPosting((Long) execution.getVariable(Vars.REQUEST_ID), (String) execution.getVariable(Vars.COURIER),
                (String) execution.getVariable(Vars.TRACKING_NUMBER), user == null ? "finance-reviewer" : user.getUserId());
    }
}
