package dev.fapiaoflow.verification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.verification.IncomingRecheckProcess.Vars;

/** RecordIncomingReview: finance's decision on a changed status (form fields decision, note) goes into the ledger. */
@Component("recordIncomingReviewDelegate")
class RecordIncomingReviewDelegate implements JavaDelegate {

    private final IncomingRecheck recheck;

    RecordIncomingReviewDelegate(IncomingRecheck recheck) {
        this.recheck = recheck;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        recheck.recordReview(((Number) execution.getVariable(Vars.INVOICE_ID)).longValue(), (String) execution.getVariable(Vars.DECISION),
                (String) execution.getVariable(Vars.NOTE), user == null ? "finance-reviewer" : user.getUserId());
    }
}
