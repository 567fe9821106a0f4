package dev.fapiaoflow.periodic;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * FixRunDate: a run the timer started is for today (Shanghai); a run started by hand brings its date. Fixed once,
 * so a customer's job retried after midnight on the 1st still invoices the same period.
 */
@Component("fixRunDateDelegate")
class FixRunDateDelegate implements JavaDelegate {

    private final PeriodicInvoicingService periodic;

    FixRunDateDelegate(PeriodicInvoicingService periodic) {
        this.periodic = periodic;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(PeriodicInvoicingProcess.Vars.RUN_DATE) == null) {
            execution.setVariable(PeriodicInvoicingProcess.Vars.RUN_DATE, periodic.today().toString());
        }
    }
}
