package dev.fapiaoflow.process;

import static dev.fapiaoflow.issuance.IssuanceProcess.INVOICES_ISSUED;
import static dev.fapiaoflow.issuance.IssuanceProcess.ISSUANCE_REQUESTED;
import static dev.fapiaoflow.issuance.IssuanceProcess.ISSUE_INVOICES;
import static dev.fapiaoflow.issuance.IssuanceProcess.REQUEST_ID;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.Date;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.fapiaoflow.issuance.IssuanceProcess;

@Deployment(resources = Models.INVOICE_ISSUANCE)
class InvoiceIssuanceProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private static final long REQUEST = 4711L;
    private static final Date NOW = new Date(1_790_000_000_000L);

    private FakeDelegate issueInvoice;

    @BeforeEach
    void fakeTheDelegate() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(NOW);
        issueInvoice = FakeDelegate.registeredAs("issueInvoiceDelegate");
    }

    @AfterEach
    void forgetTheDelegate() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void issuesTheInvoicesOfTheRequestBehindAnAsyncContinuation() {
        ProcessInstance issuance = start();

        assertThat(issuance).isWaitingAt(ISSUE_INVOICES);
        Assertions.assertThat(issueInvoice.wasCalled()).as("not in the caller's transaction").isFalse();

        execute(job(ISSUE_INVOICES, issuance));

        assertThat(issuance).isEnded().hasPassedInOrder(ISSUANCE_REQUESTED, ISSUE_INVOICES, INVOICES_ISSUED);
        Assertions.assertThat(issueInvoice.lastSaw(REQUEST_ID)).isEqualTo(REQUEST);
    }

    @Test
    void failingIssuanceIsRetriedFiveTimesTenSecondsApartThenRaisesAnIncident() {
        issueInvoice.failingAlways();
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

        Assertions.assertThat(issueInvoice.timesCalled()).isEqualTo(5);
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(issuance.getId()).singleResult();
        Assertions.assertThat(incident.getActivityId()).isEqualTo(ISSUE_INVOICES);
        Assertions.assertThat(incident.getIncidentMessage()).contains("simulated outage");
        assertThat(issuance).as("the request is kept, not lost").isWaitingAt(ISSUE_INVOICES);
    }

    @Test
    void issuanceResumesWhenAnOperatorRetriesTheIncidentAfterTheOutage() {
        issueInvoice.failingTimes(5);
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

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(IssuanceProcess.KEY, String.valueOf(REQUEST),
                withVariables(REQUEST_ID, REQUEST));
    }
}
