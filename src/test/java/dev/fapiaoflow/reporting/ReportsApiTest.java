package dev.fapiaoflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.OnMariaDbToo;
import dev.fapiaoflow.support.SpringTestBase;

/** The reports read real data made through the API: invoices issued, a special request waiting, verifications. */
class ReportsApiTest extends SpringTestBase {

    private static final String TOTALS = "开票 / 期间合计";
    private static final String REQUESTS = "申请至开票时长 / 按发票类型";
    private static final String BACKLOG = "审核 / 当前待审核任务（按等待时长）";
    private static final String VERIFICATION = "查验 / 每月查验结果";
    private static final String SLA = "审核 / 每月审核与超时";
    private static final String DISPUTES = "发票异议 / 按异议原因";
    private static final String ANOMALIES = "查验异常 / 按异常类型";

    @Autowired
    private RuntimeService runtime;
    @Autowired
    private ManagementService management;

    private final String thisMonth = YearMonth.now(TimeConfig.CHINA).toString();

    @Test

    @OnMariaDbToo("the sections' aggregate SQL over DATE and TIMESTAMP columns")
    void figuresGrowByWhatWasIssuedRequestedAndVerified() throws Exception {
        ReportCsv before = csv("");
        IssuedInvoices issued = new IssuedInvoices(this::client);
        JsonNode alices = issued.forAlice("106.00");
        JsonNode acmes = issued.forAcme("530.00");
        issued.specialRequestInReview("2000.00");
        verify(alices.get("number").asText(), alices.get("issueDate").asText(), alices.get("totalAmount").asText());
        verify(acmes.get("number").asText(), acmes.get("issueDate").asText(), "1.00");
        verify("26119999999999999999", LocalDate.now(TimeConfig.CHINA).toString(), "1.00");

        ReportCsv after = csv("");

        Map<String, String> blueNormal = after.row(TOTALS, "普通发票");
        assertThat(delta(before.row(TOTALS, "普通发票"), blueNormal, "发票张数")).isEqualByComparingTo("2");
        assertThat(delta(before.row(TOTALS, "合计"), after.row(TOTALS, "合计"), "价税合计")).isEqualByComparingTo("636.00");
        assertThat(delta(before.row(TOTALS, "合计"), after.row(TOTALS, "合计"), "税额"))
                .isEqualByComparingTo(new BigDecimal(alices.get("taxAmount").asText()).add(new BigDecimal(acmes.get("taxAmount").asText())));
        assertThat(delta(before.rowOrEmpty("开票 / 按月开票", thisMonth, "普通发票"),
                after.rowOrEmpty("开票 / 按月开票", thisMonth, "普通发票"), "发票张数")).isEqualByComparingTo("2");

        assertThat(delta(before.row(REQUESTS, "普通发票"), after.row(REQUESTS, "普通发票"), "已开票申请")).isEqualByComparingTo("2");
        assertThat(new BigDecimal(after.row(REQUESTS, "普通发票").get("中位数（小时）")))
                .isBetween(BigDecimal.ZERO, new BigDecimal("24"));

        Map<String, String> reviews = after.row(BACKLOG, "专票审核");
        assertThat(delta(before.row(BACKLOG, "专票审核"), reviews, "待处理合计")).isEqualByComparingTo("1");
        assertThat(delta(before.row(BACKLOG, "专票审核"), reviews, "不足 1 天")).isEqualByComparingTo("1");

        Map<String, String> checks = after.row(VERIFICATION, thisMonth);
        assertThat(delta(before.row(VERIFICATION, thisMonth), checks, "一致")).isEqualByComparingTo("1");
        assertThat(delta(before.row(VERIFICATION, thisMonth), checks, "不一致")).isEqualByComparingTo("1");
        assertThat(delta(before.row(VERIFICATION, thisMonth), checks, "查无此票")).isEqualByComparingTo("1");
        assertThat(delta(before.row(VERIFICATION, "合计"), after.row(VERIFICATION, "合计"), "查验次数")).isEqualByComparingTo("3");

        // the chart of this month's invoices writes the figure of the table on its bar
        Document chart = svg("/reports/charts/issuance-count.svg");
        assertThat(texts(chart)).contains(thisMonth, "普通发票（蓝字）", "每月开票张数")
                .contains(after.rowOrEmpty("开票 / 按月开票", thisMonth, "普通发票").get("发票张数"));
        assertThat(texts(svg("/reports/charts/verification-results.svg"))).contains("一致", "不一致", "查无此票", thisMonth,
                checks.get("一致"));
    }

    @Test

    @OnMariaDbToo("the SLA section's date arithmetic in SQL")
    void anOverdueReviewIsAnSlaBreachOfThisMonthAndEscalatedBacklog() throws Exception {
        ReportCsv before = csv("");
        String location = new IssuedInvoices(this::client).specialRequestInReview("1500.00");
        String requestId = location.substring(location.lastIndexOf('/') + 1);
        ProcessInstance review = runtime.createProcessInstanceQuery().processInstanceBusinessKey(requestId)
                .processDefinitionKey("special-vat-approval").singleResult();
        Job escalation = management.createJobQuery().processInstanceId(review.getId()).activityId("ReviewOverdue").singleResult();

        management.executeJob(escalation.getId()); // as if the working days had passed

        ReportCsv after = csv("");
        assertThat(delta(before.row(SLA, thisMonth), after.row(SLA, thisMonth), "超时升级")).isEqualByComparingTo("1");
        assertThat(delta(before.row(BACKLOG, "专票审核"), after.row(BACKLOG, "专票审核"), "其中已升级")).isEqualByComparingTo("1");
        assertThat(texts(svg("/reports/charts/review-sla.svg"))).contains("超时升级", after.row(SLA, thisMonth).get("超时升级"));

        // a review ended by a cancelled process is neither reviewed nor open any more
        runtime.deleteProcessInstance(runtime.createProcessInstanceQuery().processInstanceBusinessKey(requestId)
                .processDefinitionKey("invoice-request").singleResult().getId(), "test done");
        ReportCsv cleared = csv("");
        assertThat(cleared.row(SLA, thisMonth).get("完成审核")).isEqualTo(after.row(SLA, thisMonth).get("完成审核"));
        assertThat(delta(after.row(BACKLOG, "专票审核"), cleared.row(BACKLOG, "专票审核"), "待处理合计")).isEqualByComparingTo("-1");
    }

    @Test

    @OnMariaDbToo("GROUP BY and HAVING of the dispute and flag sections")
    void disputesCountByReasonAndAnomalyFlagsByKind() throws Exception {
        ReportCsv before = csv("");
        JsonNode invoice = new IssuedInvoices(this::client).forAlice("77.00");
        int raised = client("alice").post().uri("/api/invoices/{id}/disputes", invoice.get("id").asLong())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", "NOT_RECEIVED", "description", "没收到邮件"))
                .retrieve().toBodilessEntity().getStatusCode().value();
        assertThat(raised).isEqualTo(202);
        for (int i = 0; i < 3; i++) { // a burst of mismatches against one number
            verify(invoice.get("number").asText(), invoice.get("issueDate").asText(), "1.0" + i);
        }

        ReportCsv after = csv("");
        Map<String, String> notReceived = after.row(DISPUTES, "未收到发票");
        assertThat(delta(before.row(DISPUTES, "未收到发票"), notReceived, "提出异议")).isEqualByComparingTo("1");
        assertThat(delta(before.row(DISPUTES, "合计"), after.row(DISPUTES, "合计"), "提出异议")).isEqualByComparingTo("1");
        assertThat(delta(before.row(ANOMALIES, "短时间内多次查验不一致"), after.row(ANOMALIES, "短时间内多次查验不一致"), "发现"))
                .isEqualByComparingTo("1");
        assertThat(texts(svg("/reports/charts/disputes-by-reason.svg"))).contains("按原因的异议数", "未收到发票",
                notReceived.get("提出异议"));
        assertThat(texts(svg("/reports/charts/anomaly-flags.svg"))).contains("查验异常", "发现", "待处理");
    }

    @Test
    void xlsxExportOpensWithOneSheetPerSectionAndNumericFigures() throws Exception {
        ReportCsv csv = csv("");
        ResponseEntity<byte[]> xlsx = client("manager").get().uri("/reports/export.xlsx").retrieve().toEntity(byte[].class);

        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        assertThat(xlsx.getHeaders().getContentType().toString()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            assertThat(IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName))
                    .containsExactly("开票", "申请至开票时长", "审核", "查验", "查验异常", "进项发票台账", "发票异议");
            Row total = rowStartingWith(workbook.getSheet("开票"), "合计");
            assertThat(total.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(BigDecimal.valueOf(total.getCell(2).getNumericCellValue()))
                    .isEqualByComparingTo(csv.row(TOTALS, "合计").get("发票张数"));
            assertThat(BigDecimal.valueOf(total.getCell(5).getNumericCellValue()))
                    .isEqualByComparingTo(csv.row(TOTALS, "合计").get("价税合计"));
            assertThat(workbook.getSheet("查验").getRow(0).getCell(0).getStringCellValue())
                    .contains(LocalDate.now(TimeConfig.CHINA).toString());
        }
    }

    @Test

    @OnMariaDbToo("day buckets of TIMESTAMP columns read as UTC")
    void rangeFilterSelectsTheDaysAndShortRangesGoDayByDay() throws Exception {
        String today = LocalDate.now(TimeConfig.CHINA).toString();
        ReportCsv lastWeek = csv("?from=" + LocalDate.now(TimeConfig.CHINA).minusDays(6) + "&to=" + today);
        assertThat(lastWeek.blocks()).containsKey("查验 / 每日查验结果");
        assertThat(lastWeek.blocks().get("查验 / 每日查验结果")).hasSize(8); // seven days and the total

        ReportCsv longAgo = csv("?from=2021-01-01&to=2021-12-31");
        assertThat(longAgo.row(TOTALS, "合计").get("发票张数")).isEqualTo("0");
        assertThat(longAgo.blocks().get("开票 / 按月开票")).isEmpty();
        assertThat(longAgo.row("审核 / 每月审核与超时", "2021-06").get("超时升级")).isEqualTo("0");
    }

    @Test
    void aBadRangeIsA400WithFieldErrorsForExportsChartsAndThePage() throws Exception {
        for (String path : List.of("/reports/export.csv", "/reports/export.xlsx", "/reports/charts/issuance-count.svg")) {
            ResponseEntity<JsonNode> answer = client("manager").get().uri(path + "?from=2026-11-02&to=2026-11-01").retrieve()
                    .toEntity(JsonNode.class);
            assertThat(answer.getStatusCode().value()).as(path).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("to");
        }
        ResponseEntity<String> page = client("manager").get().uri("/reports?from=2026-02-30&to=2026-11-01").retrieve()
                .toEntity(String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(400);
        assertThat(page.getBody()).contains("日期范围无效").contains("data-field=\"from\"").doesNotContain("<svg");
    }

    @Test
    void anUnknownChartIsNotFound() {
        assertThat(client("manager").get().uri("/reports/charts/nothing-here.svg").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void onlyFinanceManagersAndAdminsSeeReports() throws Exception {
        for (String user : List.of("manager", "admin")) {
            ResponseEntity<String> page = client(user).get().uri("/reports").retrieve().toEntity(String.class);
            assertThat(page.getStatusCode().value()).as(user).isEqualTo(200);
            assertThat(page.getBody()).contains("id=\"section-issuance\"", "id=\"section-requests\"", "id=\"section-review\"",
                    "id=\"section-verification\"", "<svg");
        }
        for (String user : List.of("reviewer", "service", "owner", "alice", "acme", "shop")) {
            for (String path : List.of("/reports", "/reports/export.csv", "/reports/export.xlsx", "/reports/charts/review-sla.svg")) {
                assertThat(client(user).get().uri(path).retrieve().toBodilessEntity().getStatusCode().value())
                        .as(user + " " + path).isEqualTo(403);
            }
        }
        assertThat(client("manager").get().uri("/tasks").retrieve().body(String.class)).contains("href=\"/reports\"");
        assertThat(client("reviewer").get().uri("/tasks").retrieve().body(String.class)).contains("href=\"/tasks\"")
                .doesNotContain("href=\"/reports\"");
        mockMvc.perform(get("/reports").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
        mockMvc.perform(get("/reports/export.xlsx")).andExpect(status().isUnauthorized());
    }

    private void verify(String number, String issueDate, String totalAmount) {
        int status = client("manager").post().uri("/api/verifications").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("number", number, "issueDate", issueDate, "totalAmount", totalAmount)).retrieve()
                .toBodilessEntity().getStatusCode().value();
        assertThat(status).isEqualTo(200);
    }

    private ReportCsv csv(String query) throws Exception {
        ResponseEntity<byte[]> answer = client("manager").get().uri("/reports/export.csv" + query).retrieve().toEntity(byte[].class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("text/csv");
        return ReportCsv.parse(new String(answer.getBody(), StandardCharsets.UTF_8));
    }

    private Document svg(String path) throws Exception {
        ResponseEntity<byte[]> answer = client("manager").get().uri(path).retrieve().toEntity(byte[].class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.getBody()));
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        return document;
    }

    private static List<String> texts(Document svg) {
        NodeList texts = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            found.add(texts.item(i).getTextContent().trim());
        }
        return found;
    }

    private static BigDecimal delta(Map<String, String> before, Map<String, String> after, String column) {
        return number(after.get(column)).subtract(number(before.get(column)));
    }

    private static BigDecimal number(String cell) {
        return cell == null || cell.isEmpty() ? BigDecimal.ZERO : new BigDecimal(cell);
    }

    private static Row rowStartingWith(Sheet sheet, String first) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && row.getCell(0).getStringCellValue().equals(first)) {
                return row;
            }
        }
        throw new AssertionError("no row " + first + " in " + sheet.getSheetName());
    }
}
