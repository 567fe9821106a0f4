package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task IssueRefundRedLetter: the red-letter invoice (02 销货退回) for the confirmed refund. */
@Component("issueRefundRedLetterDelegate")
class IssueRefundRedLetterDelegate implements JavaDelegate {

    private final RefundRedLetters refunds;

    IssueRefundRedLetterDelegate(RefundRedLetters refunds) {
        this.refunds = refunds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        refunds.issue(DisputeVariables.id(execution, DisputeProcess.Vars.REFUND_ID), DisputeVariables.decidedBy(execution));
    }
}
