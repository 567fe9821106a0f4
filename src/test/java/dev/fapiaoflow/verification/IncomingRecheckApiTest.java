package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.support.Waiting;
import dev.fapiaoflow.verification.internal.TencentOcrSimulator;
import dev.fapiaoflow.verification.internal.TencentOcrSimulator.SimInvoice;

/**
 * The scheduled re-check of the incoming ledger against the strict Tencent simulator: an invoice the supplier
 * red-flushed after it was registered raises a finance task at the next re-check, and the reviewer's decision lands in
 * the ledger with the status history; an unchanged one is only marked checked; the national daily limit holds.
 */
class IncomingRecheckApiTest extends SpringTestBase {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000 + 500_000);
    private static final LocalDate ISSUED = LocalDate.now(TimeConfig.CHINA).minusDays(20);

    @Autowired
    TencentOcrSimulator authority;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    @Test
    void anInvoiceRedFlushedAfterRegistrationRaisesAFinanceTaskAtTheNextRecheckAndTheDecisionLandsInTheLedger() throws Exception {
        long changedBefore = reportFigure("红冲", "上月初以来状态变化");
        SimInvoice invoice = digital();
        long id = register(invoice);
        authority.changeStatus(null, invoice.number(), "H");
        lastCheckedDaysAgo(id, invoice, 8);

        ProcessInstance run = startRun();
        Task review = Waiting.until("the finance task of the red-flushed invoice", Duration.ofSeconds(30),
                () -> tasks.createTaskQuery().processInstanceId(run.getId()).taskDefinitionKey("ReviewIncomingStatusChange").list(),
                found -> found.size() == 1).get(0);

        assertThat(runtime.getVariables(review.getExecutionId())).containsEntry("invoiceId", id)
                .containsEntry("previousStatus", "NORMAL").containsEntry("newStatus", "RED_FLUSHED");
        assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup("finance-reviewer").count()).isEqualTo(1);
        JsonNode entry = detail(id).get("entry");
        assertThat(entry.get("status").asText()).isEqualTo("RED_FLUSHED");
        assertThat(entry.get("reviewPending").asBoolean()).isTrue();
        assertThat(reportFigure("红冲", "上月初以来状态变化") - changedBefore).as("the reports count the change").isEqualTo(1);
        assertThat(reportFigure("红冲", "待复核")).isPositive();
        String taskPage = client("reviewer").get().uri("/tasks").retrieve().body(String.class);
        assertThat(taskPage).contains("复核进项发票状态变化").contains("/tasks/" + review.getId());
        String taskDetail = client("reviewer").get().uri("/tasks/" + review.getId()).retrieve().body(String.class);
        assertThat(taskDetail).as("the task page links the ledger entry and shows the form's fields")
                .contains("/incoming-invoices/" + id, "name=\"decision\"", "value=\"TRANSFER_OUT\"", "name=\"note\"");

        identity.setAuthentication("reviewer", List.of("finance-reviewer"));
        try {
            tasks.complete(review.getId(), Map.of("decision", "TRANSFER_OUT", "note", "供应商已红冲"));
        } finally {
            identity.clearAuthentication();
        }

        JsonNode reviewed = detail(id);
        assertThat(reviewed.at("/entry/reviewPending").asBoolean()).isFalse();
        assertThat(reviewed.at("/entry/reviewDecision").asText()).isEqualTo("TRANSFER_OUT");
        assertThat(reviewed.at("/entry/reviewedBy").asText()).isEqualTo("reviewer");
        assertThat(reviewed.get("history").findValuesAsText("event")).containsExactly("REGISTERED", "RECHECKED", "REVIEWED");
        assertThat(reviewed.at("/history/1/previousStatus").asText()).isEqualTo("NORMAL");
        assertThat(reviewed.at("/history/1/status").asText()).isEqualTo("RED_FLUSHED");
        assertThat(reviewed.at("/history/2/note").asText()).isEqualTo("供应商已红冲");
        assertThat(reviewed.get("rawAnswer").asText()).as("the provider's latest raw answer, pretty for audit")
                .contains("\"IsAbandoned\" : \"H\"").contains("\n");
        Waiting.until("the run ends", Duration.ofSeconds(30),
                () -> runtime.createProcessInstanceQuery().processInstanceId(run.getId()).count() == 0);
    }

    @Test
    void anUnchangedInvoiceIsOnlyMarkedCheckedAndAnInvoiceWithTodaysChecksUsedWaitsForTheNextRun() {
        SimInvoice unchanged = digital();
        long unchangedId = register(unchanged);
        SimInvoice limited = digital();
        long limitedId = register(limited);
        authority.changeStatus(null, limited.number(), "Y");
        lastCheckedDaysAgo(unchangedId, unchanged, 8);
        lastCheckedDaysAgo(limitedId, limited, 8);
        jdbc.update("UPDATE provider_check_quota SET used = 5 WHERE invoice_key = ?", limited.number());
        Instant before = Instant.now();

        ProcessInstance run = startRun();
        Waiting.until("the run ends", Duration.ofSeconds(30),
                () -> runtime.createProcessInstanceQuery().processInstanceId(run.getId()).count() == 0);

        JsonNode checked = detail(unchangedId);
        assertThat(checked.at("/entry/status").asText()).isEqualTo("NORMAL");
        assertThat(Instant.parse(checked.at("/entry/statusCheckedAt").asText())).isAfter(before.minusSeconds(1));
        assertThat(checked.get("history").findValuesAsText("event")).containsExactly("REGISTERED", "RECHECKED");
        JsonNode waiting = detail(limitedId);
        assertThat(waiting.at("/entry/status").asText()).as("not asked: the national limit of today is used").isEqualTo("NORMAL");
        assertThat(waiting.get("history").findValuesAsText("event")).containsExactly("REGISTERED");
        assertThat(tasks.createTaskQuery().processInstanceId(run.getId()).count()).isZero();
    }

    @Test
    void theDetailIsForFinanceAndAdministratorsAndAnUnknownEntryIs404() {
        long id = register(digital());

        assertThat(client("admin").get().uri("/api/incoming-invoices/" + id).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
        assertThat(client("alice").get().uri("/api/incoming-invoices/" + id).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(403);
        assertThat(client("reviewer").get().uri("/api/incoming-invoices/987654321").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(404);
        assertThat(client("reviewer").get().uri("/api/incoming-invoices/" + id + "/file").retrieve().toBodilessEntity().getStatusCode()
                .value()).as("typed in, no file").isEqualTo(404);
    }

    private ProcessInstance startRun() {
        return runtime.createProcessInstanceByKey(IncomingRecheckProcess.KEY)
                .startBeforeActivity(IncomingRecheckProcess.Elements.RECHECK_INVOICES + "#multiInstanceBody").execute();
    }

    private long register(SimInvoice invoice) {
        authority.register(invoice);
        ResponseEntity<JsonNode> answer = client("reviewer").post().uri("/api/incoming-invoices").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("number", invoice.number(), "issueDate", ISSUED.toString(), "totalAmount", "1060.00"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        return answer.getBody().at("/entry/id").asLong();
    }

    /** the entry and its checks as if made days ago (else the check of a minute ago would be answered from our record) */
    private void lastCheckedDaysAgo(long id, SimInvoice invoice, int days) {
        Timestamp then = Timestamp.from(Instant.now().minus(Duration.ofDays(days)));
        jdbc.update("UPDATE incoming_invoice SET status_checked_at = ? WHERE id = ?", then, id);
        jdbc.update("UPDATE foreign_check SET checked_at = ? WHERE invoice_key = ?", then, invoice.number());
    }

    private JsonNode detail(long id) {
        ResponseEntity<JsonNode> answer = client("reviewer").get().uri("/api/incoming-invoices/" + id).retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return answer.getBody();
    }

    /** a figure of the reports' CSV export, block 进项发票台账 / 按状态: the row of a status, the column of a heading */
    private long reportFigure(String status, String column) throws Exception {
        String csv = client("manager").get().uri("/reports/export.csv").retrieve().body(String.class);
        List<CSVRecord> records = CSVFormat.EXCEL.builder().get().parse(new StringReader(csv.replace("\uFEFF", ""))).getRecords();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).get(0).equals("进项发票台账 / 按状态")) {
                List<String> header = records.get(i + 1).toList();
                for (int r = i + 2; r < records.size(); r++) {
                    if (records.get(r).get(0).equals(status)) {
                        return Long.parseLong(records.get(r).get(header.indexOf(column)));
                    }
                }
            }
        }
        throw new AssertionError("no row " + status + " in the incoming ledger's report: " + csv);
    }

    private static SimInvoice digital() {
        String number = "2512" + String.format("%016d", SERIAL.incrementAndGet());
        return new SimInvoice(null, number, ISSUED, "10", new BigDecimal("1000.00"), new BigDecimal("60.00"), null, "上海某某咨询有限公司",
                "91310000MA1FL0000X", "北京某学校", "12110000400000000X", "N");
    }
}
