package dev.fapiaoflow.issuance;

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
        new IssueInvoiceDelegate(issuance, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()).execute(execution);
        verify(issuance).issueFor(42L);
    }

    @Test
    void failsTechnicallyWithoutARequestId() {
        assertThatThrownBy(() -> new IssueInvoiceDelegate(issuance, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()).execute(execution))
                .isInstanceOf(IllegalStateException.class);
        verifyNoInteractions(issuance);
    }

    @Test
    void letsIssuanceFailuresThroughForTheEngineToRetry() {
        when(execution.getVariable(IssuanceProcess.REQUEST_ID)).thenReturn(42L);
        when(issuance.issueFor(42L)).thenThrow(new IllegalStateException("no rule"));
        assertThatThrownBy(() -> new IssueInvoiceDelegate(issuance, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()).execute(execution))
                .isInstanceOf(IllegalStateException.class).hasMessage("no rule");
    }
}
