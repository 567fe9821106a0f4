package dev.fapiaoflow.issuance;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class IssueInvoiceDelegateTest {

    private final IssuanceService issuance = mock(IssuanceService.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);

    @Test
    void issuesTheRequestOfTheProcess() {
        when(execution.getVariable(IssuanceProcess.REQUEST_ID)).thenReturn(42L);
        when(issuance.startIssuing(42L)).thenReturn(IssuingOutcome.issued(java.util.List.of(7L)));
        new IssueInvoiceDelegate(issuance, new SimpleMeterRegistry()).execute(execution);
        verify(issuance).startIssuing(42L);
        verify(execution).setVariable(IssuanceProcess.AWAITING_PLATFORM, false);
    }

    @Test
    void leavesThePollIntervalWhenThePlatformWasAsked() {
        when(execution.getVariable(IssuanceProcess.REQUEST_ID)).thenReturn(42L);
        when(issuance.startIssuing(42L)).thenReturn(IssuingOutcome.awaiting());
        when(issuance.platformPollInterval()).thenReturn(java.time.Duration.ofSeconds(90));
        new IssueInvoiceDelegate(issuance, new SimpleMeterRegistry()).execute(execution);
        verify(execution).setVariable(IssuanceProcess.AWAITING_PLATFORM, true);
        verify(execution).setVariable(IssuanceProcess.PLATFORM_POLL_INTERVAL, "PT1M30S");
    }

    @Test
    void failsTechnicallyWithoutARequestId() {
        assertThatThrownBy(() -> new IssueInvoiceDelegate(issuance, new SimpleMeterRegistry()).execute(execution))
                .isInstanceOf(IllegalStateException.class);
        verifyNoInteractions(issuance);
    }

    @Test
    void letsIssuanceFailuresThroughForTheEngineToRetry() {
        when(execution.getVariable(IssuanceProcess.REQUEST_ID)).thenReturn(42L);
        when(issuance.startIssuing(42L)).thenThrow(new IllegalStateException("no rule"));
        assertThatThrownBy(() -> new IssueInvoiceDelegate(issuance, new SimpleMeterRegistry()).execute(execution))
                .isInstanceOf(IllegalStateException.class).hasMessage("no rule");
    }
}
