package dev.fapiaoflow.delivery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.delivery.DeliveryProcess.Vars;

/** RecordReceipt: the posted invoice arrived; {@code receipt} says whether the customer confirmed it or time did. */
@Component("recordReceiptDelegate")
class RecordReceiptDelegate implements JavaDelegate {

    private final PaperDeliveryService paper;

    RecordReceiptDelegate(PaperDeliveryService paper) {
        this.paper = paper;
    }

    @Override
    public void execute(DelegateExecution execution) {
        paper.recordReceipt((Long) execution.getVariable(Vars.REQUEST_ID), (String) execution.getVariable(Vars.RECEIPT));
    }
}
