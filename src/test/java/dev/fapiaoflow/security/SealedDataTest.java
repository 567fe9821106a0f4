package dev.fapiaoflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.Requests;
import dev.fapiaoflow.support.SealedValues;
import dev.fapiaoflow.support.SensitiveValueAppender;
import dev.fapiaoflow.support.SpringTestBase;

/**
 * After realistic activity — a special invoice on paper with bank account, phones and addresses reviewed by finance,
 * a dispute whose correction brings new details and ends in red-letter and re-issue, a verification — every table of
 * the database (the application's and Camunda's runtime, history, byte-array and log tables) is dumped and searched
 * for the sensitive values in clear; and the log of the whole test JVM so far is searched too.
 */
class SealedDataTest extends SpringTestBase {

    private static final java.util.regex.Pattern SIGNATURE_HEX = java.util.regex.Pattern.compile("/Contents\\s*<[0-9A-Fa-f]+>");

    private static final List<String> MUST_BE_DUMPED = List.of("INVOICE_REQUEST", "BUYER_PROFILE", "INVOICE", "INVOICE_DOCUMENT",
            "MAIL_OUTBOX", "DISPUTE", "DISPUTE_MESSAGE", "BUYER_SUPPLEMENT", "AUDIT_ENTRY", "VERIFICATION_RECORD",
            "ACT_GE_BYTEARRAY", "ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_PROCINST", "ACT_HI_ACTINST",
            "ACT_HI_TASKINST", "ACT_HI_COMMENT", "ACT_HI_INCIDENT", "ACT_HI_OP_LOG", "ACT_RU_JOB", "ACT_RU_TASK", "ACT_RU_EXECUTION");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    dev.fapiaoflow.audit.internal.AuditStore auditStore;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Test
    void noCreditCodePhoneBankAccountOrAddressIsStoredOrLoggedInClear() throws Exception {
        IssuedInvoices invoices = new IssuedInvoices(this::client);
        specialInvoiceOnPaperApprovedByFinance(invoices);
        JsonNode reissued = disputeCorrectingTheDetails(invoices);
        verify(reissued);

        Map<String, List<String>> dumped = new HashMap<>();
        // a control value that is stored in clear on purpose proves the scan would see one
        String control = reissued.get("number").asText();
        List<String> needles = new ArrayList<>(SensitiveValueAppender.SENSITIVE_VALUES);
        needles.add(control);
        List<String> found = jdbc.execute((Connection connection) -> scanEveryTable(connection, dumped, needles));

        assertThat(dumped.keySet()).as("tables dumped").containsAll(MUST_BE_DUMPED);
        assertThat(found).as("the control value, an invoice number, is found in clear")
                .anyMatch(hit -> hit.startsWith("INVOICE.") && hit.endsWith(control))
                .anyMatch(hit -> hit.startsWith("VERIFICATION_RECORD.") && hit.endsWith(control));
        assertThat(found.stream().filter(hit -> !hit.endsWith(control)).toList())
                .as("sensitive values in clear in the database").isEmpty();
        assertThat(SensitiveValueAppender.events()).as("the log watcher is registered").isPositive();
        assertThat(SensitiveValueAppender.hits()).as("log events with sensitive values").isEmpty();
        System.out.printf("SealedDataTest: %d tables, %d columns dumped, %d log events watched%n", dumped.size(),
                dumped.values().stream().mapToInt(List::size).sum(), SensitiveValueAppender.events());
    }

    private void specialInvoiceOnPaperApprovedByFinance(IssuedInvoices invoices) {
        String location = client("acme").post().uri("/api/invoice-requests").contentType(MediaType.APPLICATION_JSON)
                .body(Requests.acmeSpecialByPost(List.of(pushOrder("acme", "300.00")))).retrieve().toEntity(JsonNode.class)
                .getHeaders().getLocation().toString();
        awaitRequest(location, "IN_REVIEW");
        String requestId = location.substring(location.lastIndexOf('/') + 1);
        assertThat(client("reviewer").get().uri("/api/invoice-requests/{id}/review", requestId).retrieve()
                .toEntity(String.class).getStatusCode().value()).isEqualTo(200);
        String task = taskOf(Long.parseLong(requestId), "ReviewSpecialVat");
        assertThat(complete("reviewer", task, Map.of("decision", Map.of("value", "approve")))).isEqualTo(204);
        awaitRequest(location, "ISSUED");
        auditStore.sequenceQueued();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE actor = 'reviewer' AND action = 'READ invoice-request'"
                + " AND object_id = ?", Long.class, requestId)).as("the review's read of decrypted details is audited").isPositive();
    }

    private JsonNode disputeCorrectingTheDetails(IssuedInvoices invoices) {
        JsonNode original = invoices.forAcme("420.00");
        long requestId = original.get("requestId").asLong();
        Map<String, Object> corrected = new HashMap<>(Requests.acmeFullDetails());
        corrected.put("phone", SealedValues.CORRECTED_PHONE);
        corrected.put("bankAccount", SealedValues.CORRECTED_ACCOUNT);
        corrected.put("address", SealedValues.CORRECTED_ADDRESS);
        ResponseEntity<JsonNode> raised = client("acme").post().uri("/api/invoices/{id}/disputes", original.get("id").asLong())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", "WRONG_TYPE", "invoiceType", "SPECIAL", "description", "需要专票，开户行账号已更新",
                        "correction", corrected))
                .retrieve().toEntity(JsonNode.class);
        assertThat(raised.getStatusCode().value()).as(String.valueOf(raised.getBody())).isEqualTo(202);
        long disputeId = raised.getBody().get("id").asLong();
        client("acme").post().uri("/api/disputes/{id}/messages", disputeId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", "请尽快处理")).retrieve().toBodilessEntity();
        awaitDispute("service", disputeId, d -> d.hasNonNull("recommendation"));
        assertThat(client("service").post().uri("/api/disputes/{id}/resolution", disputeId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("action", "correct")).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(204);
        String approval = taskOf(requestId, "ApproveRedLetter");
        assertThat(complete("reviewer", approval, Map.of("decision", Map.of("value", "approve")))).isEqualTo(204);
        JsonNode resolved = awaitDispute("acme", disputeId, d -> "RESOLVED".equals(d.path("status").asText()));
        JsonNode reissued = client("acme").get().uri("/api/invoices/{id}", resolved.get("reissuedInvoiceId").asLong())
                .retrieve().body(JsonNode.class);
        assertThat(reissued.get("buyer").get("bankAccount").asText()).isEqualTo(SealedValues.CORRECTED_ACCOUNT);
        JsonNode forService = client("service").get().uri("/api/invoices/{id}", reissued.get("id").asLong())
                .retrieve().body(JsonNode.class).get("buyer");
        assertThat(forService.get("taxId").asText()).as("customer service sees the numbers masked").isEqualTo("911101**********1C");
        assertThat(forService.get("bankAccount").asText()).isEqualTo("****************1234");
        assertThat(forService.get("phone").asText()).isEqualTo("********9999");
        assertThat(forService.get("title").asText()).isEqualTo("北京某某科技有限公司");
        return reissued;
    }

    private void verify(JsonNode invoice) {
        JsonNode answer = client("alice").post().uri("/api/verifications").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("number", invoice.get("number").asText(), "issueDate", invoice.get("issueDate").asText(),
                        "totalAmount", invoice.get("totalAmount").asText()))
                .retrieve().body(JsonNode.class);
        assertThat(answer.get("result").asText()).isEqualTo("MATCH");
    }

    /** every value of every row of every table, as text (byte arrays as UTF-8 and as Latin-1) */
    private static List<String> scanEveryTable(Connection connection, Map<String, List<String>> dumped, List<String> needles)
            throws SQLException {
        List<String> found = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        TreeSet<String> tables = new TreeSet<>();
        try (ResultSet rows = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        for (String table : tables) {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                ResultSetMetaData columns = rows.getMetaData();
                List<String> names = new ArrayList<>();
                for (int c = 1; c <= columns.getColumnCount(); c++) {
                    names.add(columns.getColumnName(c));
                }
                dumped.put(table.toUpperCase(), names);
                while (rows.next()) {
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        for (String text : texts(rows.getObject(c))) {
                            for (String needle : needles) {
                                if (text.contains(needle) && found.size() < 200) {
                                    found.add(table.toUpperCase() + "." + names.get(c - 1) + " holds " + needle);
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String> texts(Object value) throws SQLException {
        if (value == null) {
            return List.of();
        }
        byte[] bytes = null;
        if (value instanceof byte[] array) {
            bytes = array;
        } else if (value instanceof Blob blob) {
            try (InputStream in = blob.getBinaryStream()) {
                bytes = in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
        } else if (value instanceof Clob clob) {
            try (Reader in = clob.getCharacterStream()) {
                StringBuilder text = new StringBuilder();
                in.transferTo(new java.io.Writer() {
                    @Override
                    public void write(char[] chars, int off, int len) {
                        text.append(chars, off, len);
                    }

                    @Override
                    public void flush() {
                    }

                    @Override
                    public void close() {
                    }
                });
                return List.of(text.toString());
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
        }
        if (bytes != null) {
            if (new String(bytes, 0, Math.min(4, bytes.length), StandardCharsets.ISO_8859_1).equals("%PDF")) {
                // a signed PDF's /Contents is the CMS signature in hex, zero-padded: random hex digits followed by the
                // padding's zeros read as a phone number now and then ("…138" + "00000000"); text in a hex string
                // would be its character codes, not the digits, so nothing we look for can hide there. Blanked with
                // as many bytes, so UTF-16 text after it keeps its alignment.
                bytes = SIGNATURE_HEX.matcher(new String(bytes, StandardCharsets.ISO_8859_1))
                        .replaceAll(m -> "x".repeat(m.group().length())).getBytes(StandardCharsets.ISO_8859_1);
            }
            return List.of(new String(bytes, StandardCharsets.UTF_8), new String(bytes, StandardCharsets.ISO_8859_1),
                    new String(bytes, StandardCharsets.UTF_16BE));
        }
        return List.of(value.toString());
    }

    private String pushOrder(String customer, String price) {
        String orderNo = Orders.newOrderNo();
        client("shop").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Orders.paidTrainingOrder(customer, orderNo, price)).retrieve().toBodilessEntity();
        return orderNo;
    }

    private int complete(String user, String taskId, Map<String, Object> variables) {
        return client(user).post().uri("/engine-rest/task/{id}/complete", taskId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", variables)).retrieve().toBodilessEntity().getStatusCode().value();
    }

    private void awaitRequest(String location, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode request;
        do {
            request = client("acme").get().uri(location).retrieve().body(JsonNode.class);
            if (status.equals(request.path("status").asText())) {
                return;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("request " + location + " is " + request + ", not " + status);
    }

    /** waits up to 60 s: the whole suite on a busy machine is slow */
    private String taskOf(long requestId, String taskKey) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            // the engine's own query (no authorization check): what exists, whoever may see it
            List<org.camunda.bpm.engine.task.Task> tasks = taskService.createTaskQuery()
                    .processInstanceBusinessKey(String.valueOf(requestId)).taskDefinitionKey(taskKey).list();
            if (tasks.size() == 1) {
                return tasks.get(0).getId();
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no single " + taskKey + " task of request " + requestId + "; open tasks of it: "
                + taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(requestId)).list().stream()
                        .map(t -> t.getTaskDefinitionKey() + "/" + t.getAssignee()).toList());
    }

    private JsonNode awaitDispute(String user, long disputeId, java.util.function.Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode dispute;
        do {
            dispute = client(user).get().uri("/api/disputes/{id}", disputeId).retrieve().body(JsonNode.class);
            if (until.test(dispute)) {
                return dispute;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("dispute " + disputeId + " is " + dispute);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
