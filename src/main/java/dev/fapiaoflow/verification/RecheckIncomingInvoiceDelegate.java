package dev.fapiaoflow.verification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.verification.IncomingRecheckProcess.Vars;

/**
 * RecheckInvoice: one ledger entry checked again. The results are local to the entry's instance (as are the form's
 * fields, declared here), so the parallel instances of one run never read each other's.
 */
@Component("recheckIncomingInvoiceDelegate")
class RecheckIncomingInvoiceDelegate implements JavaDelegate {

    private final IncomingRecheck recheck;

    RecheckIncomingInvoiceDelegate(IncomingRecheck recheck) {
        this.recheck = recheck;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IncomingRecheck.Outcome outcome = recheck.recheck(((Number) execution.getVariable(Vars.INVOICE_ID)).longValue());
        execution.setVariableLocal(Vars.STATUS_CHANGED, outcome.changed());
        execution.setVariableLocal(Vars.PREVIOUS_STATUS, outcome.previous().name());
        execution.setVariableLocal(Vars.NEW_STATUS, outcome.current().name());
        execution.setVariableLocal(Vars.DECISION, null);
        execution.setVariableLocal(Vars.NOTE, null);
    }
}
