package dev.fapiaoflow.issuance;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

class IssueInvoiceDelegateTest {

    private final IssuanceService issuance = mock(IssuanceService.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);
    private final RecordingTransactions transactions = new RecordingTransactions();
    private final InvoiceDraftSource requests = mock(InvoiceDraftSource.class);

    @Test
    void issuesTheRequestOfTheProcess() {
        when(execution.getVariable(IssuanceProcess.REQUEST_ID)).thenReturn(42L);
        when(issuance.startIssuing(42L)).thenReturn(IssuingOutcome.issued(java.util.List.of(7L)));
        new IssueInvoiceDelegate(issuance, new SimpleMeterRegistry(), transactions, requests).execute(execution);
        verify(issuance).startIssuing(42L);
        verify(execution).setVariable(IssuanceProcess.AWAITING_PLATFORM, false);
    }

    @Test
    void leavesThePollIntervalWhenThePlatformWasAsked() {
        when(execution.getVariable(IssuanceProcess.REQUEST_ID)).thenReturn(42L);
        when(issuance.startIssuing(42L)).thenReturn(IssuingOutcome.awaiting());
        when(issuance.platformPollInterval()).thenReturn(java.time.Duration.ofSeconds(90));
        new IssueInvoiceDelegate(issuance, new SimpleMeterRegistry(), transactions, requests).execute(execution);
        verify(execution).setVariable(IssuanceProcess.AWAITING_PLATFORM, true);
        verify(execution).setVariable(IssuanceProcess.PLATFORM_POLL_INTERVAL, "PT1M30S");
    }

    /** ADR 0011: numbers commit in a short transaction of their own, before the documents step of the same job */
    @Test
    void issuesInATransactionOfItsOwnThatCommitsBeforeTheJobGoesOn() {
        when(execution.getVariable(IssuanceProcess.REQUEST_ID)).thenReturn(42L);
        when(issuance.startIssuing(42L)).thenAnswer(call -> {
            org.assertj.core.api.Assertions.assertThat(transactions.open).as("inside the new transaction").isEqualTo(1);
            return IssuingOutcome.issued(java.util.List.of(7L));
        });
        new IssueInvoiceDelegate(issuance, new SimpleMeterRegistry(), transactions, requests).execute(execution);
        org.assertj.core.api.Assertions.assertThat(transactions.propagations)
                .containsExactly(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        org.assertj.core.api.Assertions.assertThat(transactions.committed).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(transactions.open).isZero();
    }

    @Test
    void aFailedIssuingRollsItsOwnTransactionBack() {
        when(execution.getVariable(IssuanceProcess.REQUEST_ID)).thenReturn(42L);
        when(issuance.startIssuing(42L)).thenThrow(new IllegalStateException("database gone"));
        assertThatThrownBy(() -> new IssueInvoiceDelegate(issuance, new SimpleMeterRegistry(), transactions, requests).execute(execution))
                .hasMessage("database gone");
        org.assertj.core.api.Assertions.assertThat(transactions.committed).isZero();
        org.assertj.core.api.Assertions.assertThat(transactions.rolledBack).isEqualTo(1);
    }

    @Test
    void aRequestWhoseOrdersChangedSinceItWasAcceptedEndsWithTheRequestsErrorAndIsNotIssued() {
        when(execution.getVariable(IssuanceProcess.REQUEST_ID)).thenReturn(42L);
        when(requests.noLongerIssuable(42L)).thenReturn(java.util.Optional.of("order refunded"));
        assertThatThrownBy(() -> new IssueInvoiceDelegate(issuance, new SimpleMeterRegistry(), transactions, requests).execute(execution))
                .isInstanceOfSatisfying(org.camunda.bpm.engine.delegate.BpmnError.class, error -> {
                    org.assertj.core.api.Assertions.assertThat(error.getErrorCode()).isEqualTo("REQUEST_INVALID");
                    org.assertj.core.api.Assertions.assertThat(error.getMessage()).contains("order refunded");
                });
        org.mockito.Mockito.verify(issuance, org.mockito.Mockito.never()).startIssuing(42L);
        org.assertj.core.api.Assertions.assertThat(transactions.rolledBack).isEqualTo(1);
    }

    @Test
    void aRepeatAfterTheNumbersCommittedIsNotCheckedAgain() {
        when(execution.getVariable(IssuanceProcess.REQUEST_ID)).thenReturn(42L);
        when(issuance.invoicesOfRequest(42L)).thenReturn(java.util.List.of(new InvoiceSummary(7L, "26110000000000000001", InvoiceStatus.ISSUED,
                java.math.BigDecimal.TEN, java.math.BigDecimal.ONE, java.time.Instant.EPOCH)));
        when(requests.noLongerIssuable(42L)).thenReturn(java.util.Optional.of("order refunded after issuing"));
        when(issuance.startIssuing(42L)).thenReturn(IssuingOutcome.issued(java.util.List.of(7L)));
        new IssueInvoiceDelegate(issuance, new SimpleMeterRegistry(), transactions, requests).execute(execution);
        verify(issuance).startIssuing(42L);
    }

    @Test
    void failsTechnicallyWithoutARequestId() {
        assertThatThrownBy(() -> new IssueInvoiceDelegate(issuance, new SimpleMeterRegistry(), transactions, requests).execute(execution))
                .isInstanceOf(IllegalStateException.class);
        verifyNoInteractions(issuance);
    }

    @Test
    void letsIssuanceFailuresThroughForTheEngineToRetry() {
        when(execution.getVariable(IssuanceProcess.REQUEST_ID)).thenReturn(42L);
        when(issuance.startIssuing(42L)).thenThrow(new IllegalStateException("no rule"));
        assertThatThrownBy(() -> new IssueInvoiceDelegate(issuance, new SimpleMeterRegistry(), transactions, requests).execute(execution))
                .isInstanceOf(IllegalStateException.class).hasMessage("no rule");
    }

    /** counts what the delegate asks of the transaction manager */
    static final class RecordingTransactions implements PlatformTransactionManager {
        final java.util.List<Integer> propagations = new java.util.ArrayList<>();
        int open, committed, rolledBack;

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            propagations.add(definition.getPropagationBehavior());
            open++;
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            open--;
            committed++;
        }

        @Override
        public void rollback(TransactionStatus status) {
            open--;
            rolledBack++;
        }
    }
}
