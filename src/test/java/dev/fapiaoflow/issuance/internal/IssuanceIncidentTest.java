package dev.fapiaoflow.issuance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.Requests;
import dev.fapiaoflow.support.SpringTestBase;

/**
 * An issuance step that fails until its retries are used up raises an incident that Cockpit shows (through the
 * engine's API) and the incident metric counts; once the cause is repaired, retrying the
 * job as Cockpit does completes the request with the next number, none skipped. The failure is a real one: the
 * number sequence of today's prefix is set past its last 20-digit number. The job executor of the shared context is
 * paused and the jobs are run one by one, as in InvoiceRequestJobsTest.
 */
class IssuanceIncidentTest extends SpringTestBase {

    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InvoiceNumberAllocator numbers;

    @BeforeEach
    void pauseTheJobExecutor() {
        jobExecutor().shutdown();
    }

    @AfterEach
    void resumeTheJobExecutor() {
        jobExecutor().start();
    }

    @Test
    void exhaustedRetriesRaiseAnIncidentAndRetryingItCompletesTheRequest() {
        String prefix = numbers.prefixOf(LocalDate.now(TimeConfig.CHINA));
        if (jdbc.queryForObject("select count(*) from invoice_number_sequence where prefix = ?", Long.class, prefix) == 0) {
            jdbc.update("insert into invoice_number_sequence (prefix, next_value) values (?, 1)", prefix);
        }
        long nextBefore = jdbc.queryForObject("select next_value from invoice_number_sequence where prefix = ?", Long.class, prefix);
        String orderNo = Orders.newOrderNo();
        client("shop").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Orders.paidTrainingOrder("alice", orderNo, "1999.00")).retrieve().toBodilessEntity();
        String location = client("alice").post().uri("/api/invoice-requests").contentType(MediaType.APPLICATION_JSON)
                .body(Requests.personalNormal(List.of(orderNo), "爱丽丝", "alice@example.com")).retrieve()
                .toBodilessEntity().getHeaders().getLocation().getPath();
        String requestId = location.substring(location.lastIndexOf('/') + 1);

        Job issuing;
        jdbc.update("update invoice_number_sequence set next_value = ? where prefix = ?", InvoiceNumbers.MAX_SEQUENCE + 1, prefix);
        try {
            runJobsUntilIssuing(requestId);
            issuing = issuingJob(requestId);
            int attempts = 0;
            while (management.createJobQuery().jobId(issuing.getId()).singleResult().getRetries() > 0 && attempts++ < 10) {
                try {
                    management.executeJob(issuing.getId());
                } catch (RuntimeException expected) {
                    // one attempt used, as the job executor would
                }
            }
        } finally {
            jdbc.update("update invoice_number_sequence set next_value = ? where prefix = ?", nextBefore, prefix);
        }

        // what Cockpit lists (the engine API, not /engine-rest: with a second Spring context in the same JVM, as in the
        // full suite, the REST resources may answer from the other context's "default" engine)
        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(issuing.getProcessInstanceId()).list();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getIncidentType()).isEqualTo("failedJob");
        assertThat(incidents.get(0).getActivityId()).isEqualTo("IssueInvoices");
        assertThat(incidents.get(0).getIncidentMessage()).contains("out of range");
        assertThat(client("alice").get().uri(location).retrieve().body(JsonNode.class).get("status").asText())
                .isNotIn("ISSUED", "DELIVERED");
        assertThat(openIncidentsMetric()).isGreaterThanOrEqualTo(1);

        // Cockpit's "Retry": one more retry for the failed job
        management.setJobRetries(issuing.getId(), 1);
        runAllJobs(requestId);

        JsonNode delivered = client("alice").get().uri(location).retrieve().body(JsonNode.class);
        assertThat(delivered.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.get("invoices").get(0).get("number").asText())
                .as("the number the failed attempts did not take").isEqualTo(InvoiceNumbers.number(prefix, nextBefore));
        assertThat(runtime.createIncidentQuery().processInstanceId(issuing.getProcessInstanceId()).count()).isZero();
    }

    private double openIncidentsMetric() {
        // the gauge is cached for a second
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        JsonNode metric = client("admin").get().uri("/actuator/metrics/fapiaoflow.incidents.open").retrieve().body(JsonNode.class);
        return metric.get("measurements").get(0).get("value").asDouble();
    }

    private void runJobsUntilIssuing(String requestId) {
        for (int round = 0; round < 10 && issuingJobOrNull(requestId) == null; round++) {
            for (Job job : jobsOf(requestId)) {
                management.executeJob(job.getId());
            }
        }
    }

    private void runAllJobs(String requestId) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = jobsOf(requestId);
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                management.executeJob(job.getId());
            }
        }
    }

    private Job issuingJob(String requestId) {
        Job job = issuingJobOrNull(requestId);
        assertThat(job).as("the issuing job of request " + requestId).isNotNull();
        return job;
    }

    private Job issuingJobOrNull(String requestId) {
        return jobsOf(requestId).stream().filter(job -> "invoice-issuance".equals(
                management.createJobQuery().jobId(job.getId()).singleResult().getProcessDefinitionKey())).findFirst().orElse(null);
    }

    private List<Job> jobsOf(String requestId) {
        List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(requestId).list().stream()
                .map(ProcessInstance::getId).toList();
        return management.createJobQuery().withRetriesLeft().list().stream()
                .filter(job -> instances.contains(job.getProcessInstanceId())).toList();
    }

    private JobExecutor jobExecutor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }
}
