package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.issuance.internal.InvoiceRepository;
import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.support.Waiting;
import dev.fapiaoflow.verification.internal.AnomalyFlagRepository;

/** Anomaly flags raised by real checks over HTTP, listed and acknowledged through the API (README "Anomaly flags"). */
class AnomalyFlagApiTest extends SpringTestBase {

    @Autowired
    ObjectMapper json;

    @Autowired
    InvoiceRepository invoiceRepository;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AnomalyFlags anomalyFlags;

    @Autowired
    AnomalyFlagRepository flagTable;

    private IssuedInvoices invoices() {
        return new IssuedInvoices(this::client);
    }

    private Checks checks() {
        return new Checks(mockMvc, json);
    }

    @Test
    void secondPartyWithAMatchRaisesOneFlagThatCountsLaterParties() throws Exception {
        JsonNode invoice = invoices().forAlice("701.00");
        Map<String, Object> check = Checks.of(invoice);

        assertThat(checks().anonymously(check)).isEqualTo("MATCH");
        check(client("alice"), check);
        assertThat(flagsOf(invoice)).as("one party besides the owner").isEmpty();

        assertThat(checks().anonymously(check)).isEqualTo("MATCH");
        JsonNode flags = flagsOf(invoice);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).get("kind").asText()).isEqualTo("MULTIPLE_VERIFIERS");
        assertThat(flags.get(0).get("state").asText()).isEqualTo("OPEN");
        assertThat(flags.get(0).get("evidence").asInt()).isEqualTo(2);
        assertThat(flags.get(0).get("invoiceNumber").asText()).isEqualTo(invoice.get("number").asText());
        assertThat(flags.get(0).at("/links/invoice").asText()).isEqualTo("/api/invoices/" + invoice.get("id").asLong());

        String sameAgain = Checks.newAddress();
        checks().anonymously(sameAgain, check);
        checks().anonymously(sameAgain, check);
        check(client("manager"), check);
        flags = flagsOf(invoice);
        assertThat(flags).as("still one open flag").hasSize(1);
        assertThat(flags.get(0).get("evidence").asInt()).isEqualTo(4);
    }

    @Test
    void acknowledgedMultipleVerifiersFlagIsRaisedAgainOnlyByAFurtherParty() throws Exception {
        JsonNode invoice = invoices().forAlice("702.00");
        String first = Checks.newAddress();
        checks().anonymously(first, Checks.of(invoice));
        checks().anonymously(Checks.of(invoice));
        long id = flagsOf(invoice).get(0).get("id").asLong();
        assertThat(acknowledge("reviewer", id, "已核实：员工与报销单位为同一家").getStatusCode()).isEqualTo(HttpStatus.OK);

        checks().anonymously(first, Checks.of(invoice));
        assertThat(flagsOf(invoice)).as("a party already seen").hasSize(1);

        checks().anonymously(Checks.of(invoice));
        JsonNode flags = flagsOf(invoice);
        assertThat(flags).hasSize(2);
        assertThat(flags.get(0).get("state").asText()).isEqualTo("OPEN");
        assertThat(flags.get(0).get("evidence").asInt()).isEqualTo(3);
        assertThat(flags.get(1).get("state").asText()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void threeMismatchesWithinTheWindowRaiseOneBurstFlag() throws Exception {
        JsonNode invoice = invoices().forAcme("703.00");
        Map<String, Object> wrong = Checks.wrongTotalOf(invoice);

        assertThat(checks().anonymously(wrong)).isEqualTo("MISMATCH");
        assertThat(checks().anonymously(wrong)).isEqualTo("MISMATCH");
        assertThat(flagsOf(invoice)).isEmpty();
        assertThat(checks().anonymously(wrong)).isEqualTo("MISMATCH");
        JsonNode flags = flagsOf(invoice);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).get("kind").asText()).isEqualTo("MISMATCH_BURST");
        assertThat(flags.get(0).get("evidence").asInt()).isEqualTo(3);

        assertThat(checks().anonymously(wrong)).isEqualTo("MISMATCH");
        assertThat(flagsOf(invoice)).as("no duplicate while open").hasSize(1);

        acknowledge("manager", flags.get(0).get("id").asLong(), "客户输错金额");
        assertThat(checks().anonymously(wrong)).isEqualTo("MISMATCH");
        assertThat(flagsOf(invoice)).as("mismatches before the acknowledgement do not count again").hasSize(1);
    }

    @Test
    void matchingAVoidedInvoiceRaisesOneFlagWithItsStatus() throws Exception {
        JsonNode invoice = invoices().forAlice("704.00");
        voidInvoice(invoice.get("id").asLong());

        assertThat(checks().anonymously(Checks.of(invoice))).isEqualTo("MATCH");
        JsonNode flags = flagsOf(invoice);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).get("kind").asText()).isEqualTo("INVALIDATED_INVOICE_VERIFIED");
        assertThat(flags.get(0).get("detail").asText()).isEqualTo("VOIDED");

        check(client("alice"), Checks.of(invoice));
        assertThat(flagsOf(invoice)).as("one open flag per invoice and kind").hasSize(1);
        assertThat(flagsOf(invoice).get(0).get("kind").asText()).isEqualTo("INVALIDATED_INVOICE_VERIFIED");
    }

    /** Judged off the request path (issue 21): the flag is written by the background thread, with nobody reading flags. */
    @Test
    void theBackgroundJudgementRaisesTheFlagWithoutAnyoneListingFlags() throws Exception {
        JsonNode invoice = invoices().forAlice("710.00");
        long id = invoice.get("id").asLong();
        assertThat(checks().anonymously(Checks.of(invoice))).isEqualTo("MATCH");
        assertThat(checks().anonymously(Checks.of(invoice))).isEqualTo("MATCH");

        // the table itself, not AnomalyFlags (which judges what is queued before it reads)
        Waiting.until("the second party's flag is written in the background", Duration.ofSeconds(20),
                () -> transactions.execute(tx -> flagTable.findByInvoiceIdOrderByRaisedAtAscIdAsc(id).size() == 1));
        assertThat(flagsOf(invoice)).hasSize(1);
        assertThat(flagsOf(invoice).get(0).get("evidence").asInt()).isEqualTo(2);
    }

    @Test
    void mismatchesAndNotFoundOfOtherNumbersRaiseNothing() throws Exception {
        JsonNode invoice = invoices().forAlice("705.00");
        checks().anonymously(Checks.wrongTotalOf(invoice));
        checks().anonymously(Checks.of(invoice));

        assertThat(flagsOf(invoice)).isEmpty();
    }

    @Test
    void listFiltersByKindStateAndDay() throws Exception {
        JsonNode invoice = invoices().forAlice("706.00");
        checks().anonymously(Checks.of(invoice));
        checks().anonymously(Checks.of(invoice));
        for (int i = 0; i < 3; i++) {
            checks().anonymously(Checks.wrongTotalOf(invoice));
        }
        long id = invoice.get("id").asLong();
        String today = LocalDate.now(TimeConfig.CHINA).toString();
        String yesterday = LocalDate.now(TimeConfig.CHINA).minusDays(1).toString();

        assertThat(list("invoiceId=" + id).findValuesAsText("kind")).containsExactlyInAnyOrder("MULTIPLE_VERIFIERS", "MISMATCH_BURST");
        assertThat(list("invoiceId=" + id + "&kind=MISMATCH_BURST").findValuesAsText("kind")).containsExactly("MISMATCH_BURST");
        assertThat(list("invoiceId=" + id + "&from=" + today + "&to=" + today)).hasSize(2);
        assertThat(list("invoiceId=" + id + "&to=" + yesterday)).isEmpty();
        assertThat(list("invoiceId=" + id + "&from=" + LocalDate.now(TimeConfig.CHINA).plusDays(1))).isEmpty();

        long burst = list("invoiceId=" + id + "&kind=MISMATCH_BURST").get(0).get("id").asLong();
        acknowledge("reviewer", burst, "已联系客户");
        assertThat(list("invoiceId=" + id + "&state=OPEN").findValuesAsText("kind")).containsExactly("MULTIPLE_VERIFIERS");
        JsonNode acknowledged = list("invoiceId=" + id + "&state=ACKNOWLEDGED");
        assertThat(acknowledged.findValuesAsText("kind")).containsExactly("MISMATCH_BURST");
        assertThat(acknowledged.get(0).get("acknowledgedBy").asText()).isEqualTo("reviewer");
        assertThat(acknowledged.get(0).get("note").asText()).isEqualTo("已联系客户");
        assertThat(acknowledged.get(0).has("acknowledgedAt")).isTrue();
    }

    @Test
    void malformedFiltersAreFieldErrors() {
        ResponseEntity<JsonNode> answer = client("reviewer").get()
                .uri("/api/anomaly-flags?kind=FRAUD&from=2026-13-01&to=yesterday&state=CLOSED&size=0").retrieve().toEntity(JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("kind", "from", "to", "state", "size");
        ResponseEntity<JsonNode> backwards = client("reviewer").get().uri("/api/anomaly-flags?from=2026-11-02&to=2026-11-01")
                .retrieve().toEntity(JsonNode.class);
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void acknowledgementNeedsANoteAndHappensOnce() throws Exception {
        JsonNode invoice = invoices().forAlice("707.00");
        checks().anonymously(Checks.of(invoice));
        checks().anonymously(Checks.of(invoice));
        long id = flagsOf(invoice).get(0).get("id").asLong();

        ResponseEntity<JsonNode> blank = acknowledge("reviewer", id, "  ");
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getBody().get("errors").findValuesAsText("field")).containsExactly("note");
        assertThat(acknowledge("reviewer", id, "x".repeat(AnomalyFlags.MAX_NOTE_LENGTH + 1)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<JsonNode> done = acknowledge("reviewer", id, "已核实");
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(done.getBody().get("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledge("manager", id, "再次确认").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(acknowledge("manager", Long.MAX_VALUE, "不存在").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(flagsOf(invoice).get(0).get("note").asText()).as("the first note stays").isEqualTo("已核实");
    }

    @Test
    void onlyFinanceSeesAndAcknowledgesFlags() throws Exception {
        JsonNode invoice = invoices().forAlice("708.00");
        checks().anonymously(Checks.of(invoice));
        checks().anonymously(Checks.of(invoice));
        long id = flagsOf(invoice).get(0).get("id").asLong();

        for (String user : List.of("alice", "acme", "service", "shop")) {
            assertThat(client(user).get().uri("/api/anomaly-flags").retrieve().toBodilessEntity().getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(acknowledge(user, id, "不是我的事").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(mockMvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/anomaly-flags"))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(client("manager").get().uri("/api/anomaly-flags?invoiceId=" + invoice.get("id").asLong()).retrieve()
                .toEntity(JsonNode.class).getBody()).hasSize(1);
        assertThat(flagsOf(invoice).get(0).get("state").asText()).isEqualTo("OPEN");
    }

    @Test
    void countsByKindForReportsCoverEveryKindInTheRange() throws Exception {
        LocalDate today = LocalDate.now(TimeConfig.CHINA);
        long before = count(anomalyFlags.countsByKind(today, today), AnomalyKind.MULTIPLE_VERIFIERS).raised();
        JsonNode invoice = invoices().forAcme("709.00");
        checks().anonymously(Checks.of(invoice));
        checks().anonymously(Checks.of(invoice));

        List<AnomalyCount> counts = anomalyFlags.countsByKind(today, today);
        assertThat(counts).extracting(AnomalyCount::kind).containsExactly(AnomalyKind.values());
        assertThat(count(counts, AnomalyKind.MULTIPLE_VERIFIERS).raised()).isGreaterThanOrEqualTo(before + 1);
        assertThat(count(counts, AnomalyKind.MULTIPLE_VERIFIERS).open()).isBetween(1L, count(counts, AnomalyKind.MULTIPLE_VERIFIERS).raised());
        assertThat(anomalyFlags.countsByKind(today.minusDays(3), today.minusDays(2)))
                .allSatisfy(count -> assertThat(count.raised()).isZero());
    }

    private static AnomalyCount count(List<AnomalyCount> counts, AnomalyKind kind) {
        return counts.stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    private JsonNode flagsOf(JsonNode invoice) {
        return list("invoiceId=" + invoice.get("id").asLong());
    }

    private JsonNode list(String query) {
        ResponseEntity<JsonNode> answer = client("reviewer").get().uri("/api/anomaly-flags?size=100&" + query).retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private ResponseEntity<JsonNode> acknowledge(String user, long id, String note) {
        return client(user).post().uri("/api/anomaly-flags/{id}/acknowledge", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("note", note)).retrieve().toEntity(JsonNode.class);
    }

    private static void check(org.springframework.web.client.RestClient client, Map<String, Object> check) {
        client.post().uri("/api/verifications").contentType(MediaType.APPLICATION_JSON).body(check).retrieve().toBodilessEntity();
    }

    private void voidInvoice(long id) {
        transactions.executeWithoutResult(tx -> invoiceRepository.findById(id).orElseThrow()
                .markVoided("manager", Instant.now(), "测试：作废"));
    }
}
