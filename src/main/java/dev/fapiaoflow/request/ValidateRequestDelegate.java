package dev.fapiaoflow.request;

import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ValidateRequest: re-checks the request and hands the decision inputs to the DMN tables. */
@Component("validateRequestDelegate")
class ValidateRequestDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;

    ValidateRequestDelegate(RequestLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = (Long) execution.getVariable(Vars.REQUEST_ID);
        try {
            RequestLifecycle.RoutingFacts facts = lifecycle.revalidate(requestId);
            execution.setVariable(Vars.INVOICE_TYPE, facts.invoiceType());
            execution.setVariable(Vars.BUYER_TYPE, facts.buyerType());
            execution.setVariable(Vars.TAXPAYER_KIND, facts.taxpayerKind());
            execution.setVariable(Vars.TOTAL_AMOUNT_FEN, facts.totalAmountFen());
            execution.setVariable(Vars.DELIVERY, facts.delivery());
        } catch (RequestLifecycle.NoLongerValid e) {
            throw new BpmnError(InvoiceRequestProcess.Errors.REQUEST_INVALID, e.getMessage());
        }
    }
}
