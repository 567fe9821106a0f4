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

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

import dev.fapiaoflow.issuance.IssuanceProcess;

@Deployment(resources = Models.INVOICE_ISSUANCE)
class InvoiceIssuanceProcessTest extends SingleTaskProcessTest {

    private static final long REQUEST = 4711L;

    @Override
    String delegateBean() {
        return "issueInvoiceDelegate";
    }

    @Test
    void issuesTheInvoicesOfTheRequestBehindAnAsyncContinuation() {
        ProcessInstance issuance = start();

        assertThat(issuance).isWaitingAt(ISSUE_INVOICES);
        Assertions.assertThat(delegate.wasCalled()).as("not in the caller's transaction").isFalse();

        execute(job(ISSUE_INVOICES, issuance));

        assertThat(issuance).isEnded().hasPassedInOrder(ISSUANCE_REQUESTED, ISSUE_INVOICES, INVOICES_ISSUED);
        Assertions.assertThat(delegate.lastSaw(REQUEST_ID)).isEqualTo(REQUEST);
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

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(IssuanceProcess.KEY, String.valueOf(REQUEST),
                withVariables(REQUEST_ID, REQUEST));
    }
}
