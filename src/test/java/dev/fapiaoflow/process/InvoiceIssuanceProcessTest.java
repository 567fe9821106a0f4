package dev.fapiaoflow.process;

import static dev.fapiaoflow.issuance.IssuanceProcess.AWAITING_PLATFORM;
import static dev.fapiaoflow.issuance.IssuanceProcess.AWAIT_PLATFORM;
import static dev.fapiaoflow.issuance.IssuanceProcess.COLLECT_PLATFORM_INVOICES;
import static dev.fapiaoflow.issuance.IssuanceProcess.INVOICES_ISSUED;
import static dev.fapiaoflow.issuance.IssuanceProcess.PLATFORM_POLL_INTERVAL;
import static dev.fapiaoflow.issuance.IssuanceProcess.PLATFORM_RESULT_MESSAGE;
import static dev.fapiaoflow.issuance.IssuanceProcess.PLATFORM_RESULT_RECEIVED;
import static dev.fapiaoflow.issuance.IssuanceProcess.POLL_DUE;
import static dev.fapiaoflow.issuance.IssuanceProcess.POLL_PLATFORM;
import static dev.fapiaoflow.issuance.IssuanceProcess.ISSUANCE_REQUESTED;
import static dev.fapiaoflow.issuance.IssuanceProcess.ISSUE_INVOICES;
import static dev.fapiaoflow.issuance.IssuanceProcess.REQUEST_ID;
import static dev.fapiaoflow.issuance.IssuanceProcess.STORE_DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.fapiaoflow.issuance.IssuanceProcess;

@Deployment(resources = Models.INVOICE_ISSUANCE)
class InvoiceIssuanceProcessTest extends SingleTaskProcessTest {

    private static final long REQUEST = 4711L;

    private FakeDelegate collect;
    private FakeDelegate storeDocuments;

    @Override
    String delegateBean() {
        return "issueInvoiceDelegate";
    }

    @BeforeEach
    void fakeTheCollectingDelegate() {
        collect = FakeDelegate.registeredAs("collectPlatformInvoicesDelegate");
        storeDocuments = FakeDelegate.registeredAs("storeInvoiceDocumentsDelegate");
    }

    @Test
    void issuesTheInvoicesOfTheRequestBehindAnAsyncContinuation() {
        ProcessInstance issuance = start();

        assertThat(issuance).isWaitingAt(ISSUE_INVOICES);
        Assertions.assertThat(delegate.wasCalled()).as("not in the caller's transaction").isFalse();

        execute(job(ISSUE_INVOICES, issuance));

        assertThat(issuance).as("numbering and documents in one job (ADR 0011)")
                .isEnded().hasPassedInOrder(ISSUANCE_REQUESTED, ISSUE_INVOICES, STORE_DOCUMENTS, INVOICES_ISSUED);
        Assertions.assertThat(delegate.lastSaw(REQUEST_ID)).isEqualTo(REQUEST);
        Assertions.assertThat(storeDocuments.lastSaw(REQUEST_ID)).isEqualTo(REQUEST);
    }

    /**
     * Documents that fail retry the whole job, numbering included: the issuing step committed its numbers in a
     * transaction of its own and a repeat issues nothing (IssuanceServiceTest#issuingAgainReturnsTheSameInvoices on the
     * real beans, IssueInvoiceDelegateTest the transaction of its own). Here the fake only counts: it is asked again on every retry.
     */
    @Test
    void failingDocumentsRetryTheOneJobFiveTimesThenRaiseAnIncident() {
        storeDocuments.failingTimes(5);
        ProcessInstance issuance = start();

        for (int retriesLeft = 4; retriesLeft >= 0; retriesLeft--) {
            Job attempt = job(ISSUE_INVOICES, issuance);
            assertThatThrownBy(() -> execute(attempt)).hasMessageContaining("simulated outage");
            Job retry = job(ISSUE_INVOICES, issuance);
            Assertions.assertThat(retry.getRetries()).isEqualTo(retriesLeft);
            if (retriesLeft > 0) {
                Assertions.assertThat(retry.getDuedate()).isEqualTo(NOW.toInstant().plus(Duration.ofSeconds(10)));
            }
        }
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(issuance.getId()).singleResult()
                .getActivityId()).isEqualTo(ISSUE_INVOICES);

        managementService().setJobRetries(job(ISSUE_INVOICES, issuance).getId(), 1);
        execute(job(ISSUE_INVOICES, issuance));

        assertThat(issuance).isEnded().hasPassed(INVOICES_ISSUED);
        Assertions.assertThat(storeDocuments.timesCalled()).isEqualTo(6);
        Assertions.assertThat(delegate.timesCalled()).as("the issuing step ran again on every retry").isEqualTo(6);
    }

    @Test
    void failingIssuanceIsRetriedFiveTimesTenSecondsApartThenRaisesAnIncident() {
        delegate.failingAlways();
        ProcessInstance issuance = start();

        for (int retriesLeft = 4; retriesLeft >= 0; retriesLeft--) {
            Job attempt = job(ISSUE_INVOICES, issuance);
            assertThatThrownBy(() -> execute(attempt)).hasMessageContaining("simulated outage");

            Job retry = job(ISSUE_INVOICES, issuance);
            Assertions.assertThat(retry.getRetries()).isEqualTo(retriesLeft);
            if (retriesLeft > 0) {
                Assertions.assertThat(retry.getDuedate()).isEqualTo(NOW.toInstant().plus(Duration.ofSeconds(10)));
            }
        }

        Assertions.assertThat(delegate.timesCalled()).isEqualTo(5);
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(issuance.getId()).singleResult();
        Assertions.assertThat(incident.getActivityId()).isEqualTo(ISSUE_INVOICES);
        Assertions.assertThat(incident.getIncidentMessage()).contains("simulated outage");
        assertThat(issuance).as("the request is kept, not lost").isWaitingAt(ISSUE_INVOICES);
    }

    @Test
    void issuanceResumesWhenAnOperatorRetriesTheIncidentAfterTheOutage() {
        delegate.failingTimes(5);
        ProcessInstance issuance = start();
        for (int attempt = 0; attempt < 5; attempt++) {
            Job failing = job(ISSUE_INVOICES, issuance);
            assertThatThrownBy(() -> execute(failing)).hasMessageContaining("simulated outage");
        }

        managementService().setJobRetries(job(ISSUE_INVOICES, issuance).getId(), 1);
        execute(job(ISSUE_INVOICES, issuance));

        assertThat(issuance).isEnded().hasPassed(INVOICES_ISSUED);
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(issuance.getId()).count())
                .isZero();
    }

    @Test
    void throughThePlatformTheProcessWaitsForTheCallbackThenStoresTheInvoices() {
        delegate.settingVariables(Map.of(AWAITING_PLATFORM, true, PLATFORM_POLL_INTERVAL, "PT1M"));
        collect.settingVariables(Map.of(AWAITING_PLATFORM, false));
        ProcessInstance issuance = start();
        execute(job(ISSUE_INVOICES, issuance));

        assertThat(issuance).isWaitingAt(AWAIT_PLATFORM);
        runtimeService().createMessageCorrelation(PLATFORM_RESULT_MESSAGE).processInstanceBusinessKey(String.valueOf(REQUEST))
                .correlate();
        assertThat(issuance).as("stored behind an async continuation, not in the callback's request").isWaitingAt(COLLECT_PLATFORM_INVOICES);
        execute(job(COLLECT_PLATFORM_INVOICES, issuance));

        assertThat(issuance).isEnded().hasPassedInOrder(ISSUE_INVOICES, AWAIT_PLATFORM, PLATFORM_RESULT_RECEIVED,
                COLLECT_PLATFORM_INVOICES, STORE_DOCUMENTS, INVOICES_ISSUED).hasNotPassed(POLL_PLATFORM);
        Assertions.assertThat(collect.lastSaw(REQUEST_ID)).isEqualTo(REQUEST);
    }

    @Test
    void withoutACallbackThePlatformIsPolledEveryIntervalUntilEveryInvoiceIsStored() {
        delegate.settingVariables(Map.of(AWAITING_PLATFORM, true, PLATFORM_POLL_INTERVAL, "PT1M"));
        FakeDelegate[] polls = { collect };
        collect.doing(execution -> execution.setVariable(AWAITING_PLATFORM, polls[0].timesCalled() < 2));
        ProcessInstance issuance = start();
        execute(job(ISSUE_INVOICES, issuance));

        for (int poll = 1; poll <= 2; poll++) {
            Job timer = job(POLL_DUE, issuance);
            Assertions.assertThat(timer.getDuedate()).isEqualTo(NOW.toInstant().plus(Duration.ofMinutes(1)));
            execute(timer);
            assertThat(issuance).isWaitingAt(POLL_PLATFORM);
            execute(job(POLL_PLATFORM, issuance));
        }

        assertThat(issuance).isEnded().hasPassed(POLL_DUE, POLL_PLATFORM, INVOICES_ISSUED).hasNotPassed(PLATFORM_RESULT_RECEIVED);
        Assertions.assertThat(collect.timesCalled()).isEqualTo(2);
    }

    @Test
    void aFailingStoreIsRetriedWithBackoffThenRaisesAnIncidentAndIssuesNothingAgain() {
        delegate.settingVariables(Map.of(AWAITING_PLATFORM, true, PLATFORM_POLL_INTERVAL, "PT1M"));
        collect.failingAlways();
        ProcessInstance issuance = start();
        execute(job(ISSUE_INVOICES, issuance));
        runtimeService().createMessageCorrelation(PLATFORM_RESULT_MESSAGE).processInstanceBusinessKey(String.valueOf(REQUEST))
                .correlate();

        List<Duration> waits = new ArrayList<>();
        while (runtimeService().createIncidentQuery().processInstanceId(issuance.getId()).count() == 0) {
            Job attempt = job(COLLECT_PLATFORM_INVOICES, issuance);
            assertThatThrownBy(() -> execute(attempt)).hasMessageContaining("simulated outage");
            Job retry = job(COLLECT_PLATFORM_INVOICES, issuance);
            if (retry.getRetries() > 0) {
                waits.add(Duration.between(NOW.toInstant(), retry.getDuedate().toInstant()));
            }
        }

        Assertions.assertThat(waits).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(10), Duration.ofMinutes(30));
        Assertions.assertThat(delegate.timesCalled()).as("the platform is not asked again").isEqualTo(1);
        assertThat(issuance).isWaitingAt(COLLECT_PLATFORM_INVOICES);
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(IssuanceProcess.KEY, String.valueOf(REQUEST),
                withVariables(REQUEST_ID, REQUEST));
    }
}
