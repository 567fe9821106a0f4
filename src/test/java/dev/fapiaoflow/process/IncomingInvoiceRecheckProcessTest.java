package dev.fapiaoflow.process;

import static dev.fapiaoflow.verification.IncomingRecheckProcess.Elements.NO_CHANGE;
import static dev.fapiaoflow.verification.IncomingRecheckProcess.Elements.RECHECK_DONE;
import static dev.fapiaoflow.verification.IncomingRecheckProcess.Elements.RECHECK_DUE;
import static dev.fapiaoflow.verification.IncomingRecheckProcess.Elements.RECHECK_INVOICE;
import static dev.fapiaoflow.verification.IncomingRecheckProcess.Elements.RECHECK_INVOICES;
import static dev.fapiaoflow.verification.IncomingRecheckProcess.Elements.RECORD_REVIEW;
import static dev.fapiaoflow.verification.IncomingRecheckProcess.Elements.REVIEWED;
import static dev.fapiaoflow.verification.IncomingRecheckProcess.Elements.REVIEW_STATUS_CHANGE;
import static dev.fapiaoflow.verification.IncomingRecheckProcess.Vars.DECISION;
import static dev.fapiaoflow.verification.IncomingRecheckProcess.Vars.INVOICE_ID;
import static dev.fapiaoflow.verification.IncomingRecheckProcess.Vars.NEW_STATUS;
import static dev.fapiaoflow.verification.IncomingRecheckProcess.Vars.NOTE;
import static dev.fapiaoflow.verification.IncomingRecheckProcess.Vars.PREVIOUS_STATUS;
import static dev.fapiaoflow.verification.IncomingRecheckProcess.Vars.STATUS_CHANGED;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.fapiaoflow.verification.IncomingRecheckConfig;
import dev.fapiaoflow.verification.IncomingRecheckProcess;

@Deployment(resources = { Models.INCOMING_INVOICE_RECHECK, Models.REVIEW_INCOMING_STATUS_CHANGE_FORM })
class IncomingInvoiceRecheckProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private static final ZoneId JVM_ZONE = ZoneId.systemDefault();
    private static final Date MID_OCTOBER = at(LocalDateTime.of(2026, 10, 15, 12, 30));
    private static final String HOURLY = "0 0 * * * ?";

    /** stands in for the service the multi-instance collection expression names; public for the expression language */
    public static final class DueInvoices {

        private final List<Long> due = new ArrayList<>();

        public List<Long> dueForRecheck() {
            return due;
        }
    }

    private final DueInvoices ledger = new DueInvoices();
    /** invoice id → status the fake provider now answers; absent: unchanged */
    private final Map<Long, String> changedAtTheAuthority = new HashMap<>();
    private FakeDelegate recheckInvoice;
    private FakeDelegate recordReview;

    @BeforeEach
    void fakeTheJavaSide() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(MID_OCTOBER);
        Mocks.register("incomingRecheckConfig", new IncomingRecheckConfig(HOURLY));
        Mocks.register("incomingRecheck", ledger);
        recheckInvoice = FakeDelegate.registeredAs("recheckIncomingInvoiceDelegate").doing(execution -> {
            Long id = (Long) execution.getVariable(INVOICE_ID);
            String now = changedAtTheAuthority.get(id);
            execution.setVariableLocal(STATUS_CHANGED, now != null);
            execution.setVariableLocal(PREVIOUS_STATUS, "NORMAL");
            execution.setVariableLocal(NEW_STATUS, now == null ? "NORMAL" : now);
            execution.setVariableLocal(DECISION, null);
            execution.setVariableLocal(NOTE, null);
        });
        recordReview = FakeDelegate.registeredAs("recordIncomingReviewDelegate");
    }

    @AfterEach
    void forgetTheJavaSide() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void theHourlyTimerStartsARunInWhichEachDueInvoiceIsItsOwnJobAndUnchangedOnesEndQuietly() {
        ledger.due.addAll(List.of(11L, 12L));

        Job timer = startTimer();
        Assertions.assertThat(timer.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 10, 15, 13, 0)));
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);

        Assertions.assertThat(startTimer().getDuedate()).as("the next run is scheduled")
                .isEqualTo(at(LocalDateTime.of(2026, 10, 15, 14, 0)));
        ProcessInstance run = runtimeService().createProcessInstanceQuery().processDefinitionKey(IncomingRecheckProcess.KEY).singleResult();
        assertThat(run).isWaitingAt(RECHECK_DUE);
        execute(jobsOf(run).get(0));

        List<Job> invoiceJobs = jobsOf(run);
        Assertions.assertThat(invoiceJobs).as("one job per due invoice").hasSize(2);
        Assertions.assertThat(recheckInvoice.wasCalled()).isFalse();
        invoiceJobs.forEach(job -> execute(job));

        assertThat(run).isEnded().hasPassedInOrder(RECHECK_DUE, RECHECK_INVOICE, NO_CHANGE, RECHECK_DONE).hasNotPassed(REVIEW_STATUS_CHANGE);
        Assertions.assertThat(recheckInvoice.timesCalled()).isEqualTo(2);
        Assertions.assertThat(recordReview.wasCalled()).isFalse();
    }

    @Test
    void aRedFlushedInvoiceRaisesAFinanceTaskWhoseDecisionIsRecorded() {
        ledger.due.addAll(List.of(21L, 22L));
        changedAtTheAuthority.put(21L, "RED_FLUSHED");
        ProcessInstance run = startByHand();
        jobsOf(run).forEach(job -> execute(job));

        Task review = taskQuery().processInstanceId(run.getId()).singleResult();
        assertThat(review).hasDefinitionKey(REVIEW_STATUS_CHANGE).hasCandidateGroup("finance-reviewer");
        Assertions.assertThat(runtimeService().getVariables(review.getExecutionId()))
                .containsEntry(INVOICE_ID, 21L).containsEntry(PREVIOUS_STATUS, "NORMAL").containsEntry(NEW_STATUS, "RED_FLUSHED");
        complete(review, withVariables(DECISION, "TRANSFER_OUT", NOTE, "supplier red-flushed it"));

        assertThat(run).isEnded().hasPassedInOrder(RECHECK_INVOICE, REVIEW_STATUS_CHANGE, RECORD_REVIEW, REVIEWED, RECHECK_DONE)
                .hasPassed(NO_CHANGE, RECHECK_INVOICES);
        Assertions.assertThat(recordReview.timesCalled()).isEqualTo(1);
        Assertions.assertThat(recordReview.lastSaw(INVOICE_ID)).isEqualTo(21L);
        Assertions.assertThat(recordReview.lastSaw(DECISION)).isEqualTo("TRANSFER_OUT");
        Assertions.assertThat(recordReview.lastSaw(NOTE)).isEqualTo("supplier red-flushed it");
    }

    @Test
    void twoChangedInvoicesOfOneRunKeepTheirOwnDecisions() {
        ledger.due.addAll(List.of(31L, 32L));
        changedAtTheAuthority.put(31L, "VOIDED");
        changedAtTheAuthority.put(32L, "OUT_OF_CONTROL");
        ProcessInstance run = startByHand();
        jobsOf(run).forEach(job -> execute(job));
        List<Long> recorded = new ArrayList<>();
        List<String> decisions = new ArrayList<>();
        recordReview.doing(execution -> {
            recorded.add((Long) execution.getVariable(INVOICE_ID));
            decisions.add((String) execution.getVariable(DECISION));
        });

        List<Task> tasks = taskQuery().processInstanceId(run.getId()).list();
        Assertions.assertThat(tasks).hasSize(2);
        for (Task task : tasks) {
            Long id = (Long) runtimeService().getVariable(task.getExecutionId(), INVOICE_ID);
            complete(task, withVariables(DECISION, id == 31L ? "NO_ACTION" : "CONTACT_SUPPLIER"));
        }

        Assertions.assertThat(recorded).containsExactlyInAnyOrder(31L, 32L);
        Assertions.assertThat(decisions.get(recorded.indexOf(31L))).isEqualTo("NO_ACTION");
        Assertions.assertThat(decisions.get(recorded.indexOf(32L))).isEqualTo("CONTACT_SUPPLIER");
        assertThat(run).isEnded();
    }

    @Test
    void aProviderOutageIsRetriedThirtyMinutesLaterForThatInvoiceAlone() {
        ledger.due.add(41L);
        recheckInvoice.failingTimes(1);
        ProcessInstance run = startByHand();

        Job first = jobsOf(run).get(0);
        assertThatThrownBy(() -> execute(first)).hasMessageContaining("simulated outage");
        Job retry = jobsOf(run).get(0);
        Assertions.assertThat(retry.getRetries()).isEqualTo(2);
        Assertions.assertThat(retry.getDuedate()).isEqualTo(new Date(MID_OCTOBER.getTime() + 30 * 60 * 1000));
        execute(retry);

        assertThat(run).isEnded().hasPassed(NO_CHANGE);
    }

    @Test
    void withNothingDueARunEndsAtOnce() {
        ProcessInstance run = startByHand();

        assertThat(run).isEnded().hasPassed(RECHECK_DONE);
        Assertions.assertThat(recheckInvoice.wasCalled()).isFalse();
    }

    @Test
    void theReviewTaskRendersTheDeployedFormWithTheDecisionAndNote() throws IOException {
        ledger.due.add(51L);
        changedAtTheAuthority.put(51L, "PARTIALLY_RED_FLUSHED");
        ProcessInstance run = startByHand();
        jobsOf(run).forEach(job -> execute(job));
        Task review = taskQuery().processInstanceId(run.getId()).initializeFormKeys().singleResult();

        Assertions.assertThat(review.getCamundaFormRef().getKey()).isEqualTo("review-incoming-status-change");
        try (InputStream form = formService().getDeployedTaskForm(review.getId())) {
            JsonNode schema = new ObjectMapper().readTree(form);
            Assertions.assertThat(schema.path("schemaVersion").asInt()).isLessThanOrEqualTo(16);
            Assertions.assertThat(Set.copyOf(schema.path("components").findValuesAsText("key"))).isEqualTo(Set.of(DECISION, NOTE));
            Assertions.assertThat(schema.toString()).contains("{{previousStatus}}", "{{newStatus}}");
        }
        complete(review, withVariables(DECISION, "NO_ACTION"));
        assertThat(run).isEnded();
    }

    private static Job startTimer() {
        return managementService().createJobQuery().processDefinitionKey(IncomingRecheckProcess.KEY).timers().singleResult();
    }

    private static ProcessInstance startByHand() {
        return runtimeService().createProcessInstanceByKey(IncomingRecheckProcess.KEY).startBeforeActivity(RECHECK_INVOICES + "#multiInstanceBody").execute();
    }

    private static List<Job> jobsOf(ProcessInstance run) {
        return managementService().createJobQuery().processInstanceId(run.getId()).orderByJobId().asc().list();
    }

    private static Date at(LocalDateTime local) {
        return Date.from(local.atZone(JVM_ZONE).toInstant());
    }
}
