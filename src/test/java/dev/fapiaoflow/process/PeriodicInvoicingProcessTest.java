package dev.fapiaoflow.process;

import static dev.fapiaoflow.periodic.PeriodicInvoicingProcess.Elements.FIX_RUN_DATE;
import static dev.fapiaoflow.periodic.PeriodicInvoicingProcess.Elements.INVOICE_CUSTOMER_PERIOD;
import static dev.fapiaoflow.periodic.PeriodicInvoicingProcess.Elements.RUN_DONE;
import static dev.fapiaoflow.periodic.PeriodicInvoicingProcess.Elements.RUN_DUE;
import static dev.fapiaoflow.periodic.PeriodicInvoicingProcess.Vars.CUSTOMER;
import static dev.fapiaoflow.periodic.PeriodicInvoicingProcess.Vars.RUN_DATE;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.fapiaoflow.periodic.PeriodicConfig;
import dev.fapiaoflow.periodic.PeriodicInvoicingProcess;

@Deployment(resources = Models.PERIODIC_INVOICING)
class PeriodicInvoicingProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    /** 2026-10-15 12:00 in the JVM's zone, where Camunda's cron runs */
    private static final ZoneId JVM_ZONE = ZoneId.systemDefault();
    private static final Date MID_OCTOBER = at(LocalDateTime.of(2026, 10, 15, 12, 0));
    private static final String CRON = "0 0 2 1 * ?";

    /** stands in for the service the multi-instance collection expression names; public for the expression language */
    public static final class OptedInCustomers {

        private final List<String> customers = new ArrayList<>();

        public List<String> optedInCustomers() {
            return customers;
        }
    }

    private final OptedInCustomers optedIn = new OptedInCustomers();
    private FakeDelegate fixRunDate;
    private FakeDelegate invoiceCustomerPeriod;

    @BeforeEach
    void fakeTheJavaSide() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(MID_OCTOBER);
        // registered before @Deployment deploys: the timer start event reads the cron when the model is deployed
        Mocks.register("periodicConfig", new PeriodicConfig(CRON));
        Mocks.register("periodicInvoicingService", optedIn);
        fixRunDate = FakeDelegate.registeredAs("fixRunDateDelegate").doing(execution -> {
            if (execution.getVariable(RUN_DATE) == null) {
                execution.setVariable(RUN_DATE, "2026-11-01");
            }
        });
        invoiceCustomerPeriod = FakeDelegate.registeredAs("invoiceCustomerPeriodDelegate");
    }

    @AfterEach
    void forgetTheJavaSide() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void theCronStartsARunInWhichEachOptedInCustomerIsItsOwnJob() {
        optedIn.customers.addAll(List.of("alice", "acme"));

        Job timer = startTimer();
        Assertions.assertThat(timer.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 11, 1, 2, 0)));
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);

        Assertions.assertThat(startTimer().getDuedate()).as("the next run is scheduled")
                .isEqualTo(at(LocalDateTime.of(2026, 12, 1, 2, 0)));
        ProcessInstance run = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(PeriodicInvoicingProcess.KEY).singleResult();
        assertThat(run).isWaitingAt(RUN_DUE);
        Assertions.assertThat(fixRunDate.wasCalled()).as("not in the timer's transaction").isFalse();
        execute(jobsOf(run).get(0));

        assertThat(run).isWaitingAt(INVOICE_CUSTOMER_PERIOD).variables().containsEntry(RUN_DATE, "2026-11-01");
        List<Job> customerJobs = jobsOf(run);
        Assertions.assertThat(customerJobs).hasSize(2);
        Assertions.assertThat(invoiceCustomerPeriod.wasCalled()).as("each customer in a job of its own").isFalse();
        customerJobs.forEach(job -> execute(job));

        assertThat(run).isEnded().hasPassedInOrder(RUN_DUE, FIX_RUN_DATE, INVOICE_CUSTOMER_PERIOD, RUN_DONE);
        Assertions.assertThat(invoiceCustomerPeriod.timesCalled()).isEqualTo(2);
    }

    @Test
    void oneCustomerFailingRaisesAnIncidentForThemAloneAndTheOthersAreInvoiced() {
        optedIn.customers.addAll(List.of("alice", "broken", "acme"));
        List<String> invoiced = new ArrayList<>();
        invoiceCustomerPeriod.doing(execution -> {
            String customer = (String) execution.getVariable(CUSTOMER);
            if (customer.equals("broken")) {
                throw new IllegalStateException("simulated outage for " + customer);
            }
            invoiced.add(customer);
        });
        ProcessInstance run = startByHand("2026-11-01");

        for (int attempt = 0; attempt < 3; attempt++) {
            for (Job job : jobsOf(run)) {
                if (job.getRetries() > 0) {
                    try {
                        execute(job);
                    } catch (IllegalStateException expected) {
                        Assertions.assertThat(expected).hasMessageContaining("broken");
                    }
                }
            }
        }

        Assertions.assertThat(invoiced).containsExactlyInAnyOrder("alice", "acme");
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(run.getId()).count()).isEqualTo(1);
        Job stuck = jobsOf(run).get(0);
        Assertions.assertThat(stuck.getRetries()).isZero();
        assertThat(run).isWaitingAt(INVOICE_CUSTOMER_PERIOD);
    }

    @Test
    void aFailedCustomerIsRetriedTenMinutesLater() {
        optedIn.customers.add("alice");
        invoiceCustomerPeriod.failingTimes(1);
        ProcessInstance run = startByHand("2026-11-01");

        Job first = jobsOf(run).get(0);
        assertThatThrownBy(() -> execute(first)).hasMessageContaining("simulated outage");
        Job retry = jobsOf(run).get(0);
        Assertions.assertThat(retry.getRetries()).isEqualTo(2);
        Assertions.assertThat(retry.getDuedate()).isEqualTo(new Date(MID_OCTOBER.getTime() + 10 * 60 * 1000));
        execute(retry);

        assertThat(run).isEnded().hasPassed(RUN_DONE);
    }

    @Test
    void aRunStartedByHandKeepsItsDateAndWithNobodyOptedInEndsAtOnce() {
        ProcessInstance run = startByHand("2026-07-01");

        assertThat(run).isEnded().hasPassedInOrder(FIX_RUN_DATE, RUN_DONE);
        Assertions.assertThat(fixRunDate.lastSaw(RUN_DATE)).isEqualTo("2026-07-01");
        Assertions.assertThat(invoiceCustomerPeriod.wasCalled()).isFalse();
    }

    private static Job startTimer() {
        return managementService().createJobQuery().processDefinitionKey(PeriodicInvoicingProcess.KEY).timers()
                .singleResult();
    }

    private static ProcessInstance startByHand(String runDate) {
        return runtimeService().createProcessInstanceByKey(PeriodicInvoicingProcess.KEY)
                .startBeforeActivity(FIX_RUN_DATE)
                .setVariable(RUN_DATE, runDate)
                .execute();
    }

    private static List<Job> jobsOf(ProcessInstance run) {
        return managementService().createJobQuery().processInstanceId(run.getId()).orderByJobId().asc().list();
    }

    private static Date at(LocalDateTime local) {
        return Date.from(local.atZone(JVM_ZONE).toInstant());
    }
}
