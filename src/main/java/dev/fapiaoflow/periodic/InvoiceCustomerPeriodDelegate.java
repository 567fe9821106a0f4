package dev.fapiaoflow.periodic;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * InvoiceCustomerPeriod: one customer of the run, in its own async job, so a failure (retried, then an incident)
 * holds up that customer only. The outcome stays on the customer's instance for Cockpit's history.
 */
@Component("invoiceCustomerPeriodDelegate")
class InvoiceCustomerPeriodDelegate implements JavaDelegate {

    private final PeriodicInvoicingService periodic;

    InvoiceCustomerPeriodDelegate(PeriodicInvoicingService periodic) {
        this.periodic = periodic;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customer = (String) execution.getVariable(PeriodicInvoicingProcess.Vars.CUSTOMER);
        LocalDate runDate = LocalDate.parse((String) execution.getVariable(PeriodicInvoicingProcess.Vars.RUN_DATE));
        PeriodOutcome outcome = periodic.invoicePeriod(customer, runDate);
        execution.setVariableLocal(PeriodicInvoicingProcess.Vars.OUTCOME, outcome.result().name());
        if (outcome.requestId() != null) {
            execution.setVariableLocal(PeriodicInvoicingProcess.Vars.REQUEST_ID, outcome.requestId());
        }
    }
}
