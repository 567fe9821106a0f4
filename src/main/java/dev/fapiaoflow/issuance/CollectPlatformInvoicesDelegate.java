package dev.fapiaoflow.issuance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service tasks {@value IssuanceProcess#COLLECT_PLATFORM_INVOICES} (after a callback: stores what was received) and
 * {@value IssuanceProcess#POLL_PLATFORM} (no callback in time: asks the platform) of {@value IssuanceProcess#KEY}.
 */
@Component("collectPlatformInvoicesDelegate")
class CollectPlatformInvoicesDelegate implements JavaDelegate {

    private final IssuanceService issuance;

    CollectPlatformInvoicesDelegate(IssuanceService issuance) {
        this.issuance = issuance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean poll = IssuanceProcess.POLL_PLATFORM.equals(execution.getCurrentActivityId());
        IssuingOutcome outcome = issuance.collectFromPlatform(IssueInvoiceDelegate.requestId(execution), poll);
        execution.setVariable(IssuanceProcess.AWAITING_PLATFORM, outcome.awaitingPlatform());
    }
}
