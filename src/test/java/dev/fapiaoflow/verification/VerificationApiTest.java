package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.issuance.internal.InvoiceRepository;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.verification.internal.VerificationProperties;

/**
 * API.md "Verification" end to end on real invoices. Anonymous callers come through MockMvc, each test from
 * addresses of its own, so the per-address rate limit of one test never spills into another.
 */
class VerificationApiTest extends SpringTestBase {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    ObjectMapper json;

    @Autowired
    VerificationProperties properties;

    @Autowired
    InvoiceRepository invoiceRepository;

    @Autowired
    TransactionTemplate transactions;

    private IssuedInvoices invoices() {
        return new IssuedInvoices(this::client);
    }

    @Test
    void issuedInvoiceVerifiesAsMatchWithStatusNormalAndItsFaceData() throws Exception {
        JsonNode invoice = invoices().forAlice("1999.00");

        Answer answer = anonymously(newAddress(), checkOf(invoice));

        assertThat(answer.status()).isEqualTo(HttpStatus.OK);
        assertThat(answer.body().get("result").asText()).isEqualTo("MATCH");
        assertThat(answer.body().get("status").asText()).isEqualTo("NORMAL");
        assertThat(answer.body().get("verifiedCount").asLong()).isEqualTo(1);
        JsonNode face = answer.body().get("invoice");
        assertThat(face.get("number").asText()).isEqualTo(invoice.get("number").asText());
        assertThat(face.get("issueDate").asText()).isEqualTo(invoice.get("issueDate").asText());
        assertThat(face.get("kind").asText()).isEqualTo("BLUE");
        assertThat(face.get("type").asText()).isEqualTo("NORMAL");
        assertThat(face.get("sellerName").asText()).isEqualTo("北京启明在线教育科技有限公司");
        assertThat(face.get("totalAmount").asText()).isEqualTo("1999.00");
        assertThat(face.get("taxAmount").asText()).isEqualTo(invoice.get("taxAmount").asText());
        assertThat(face.get("items")).hasSize(1);
        assertThat(face.get("items").get(0).get("itemName").asText()).isEqualTo("*非学历教育服务*培训费");
        assertThat(face.get("items").get(0).get("taxRate").asText()).isEqualTo("0.06");
    }

    /** The face data of a checked invoice is kept for the next checks; its status never is. */
    @Test
    void anInvoiceVoidedAfterACheckShowsItsNewStatusAtTheNextCheck() throws Exception {
        JsonNode invoice = invoices().forAlice("412.00");
        String address = newAddress();
        assertThat(anonymously(address, checkOf(invoice)).body().get("status").asText()).isEqualTo("NORMAL");

        long id = invoice.get("id").asLong();
        transactions.executeWithoutResult(tx -> invoiceRepository.findById(id).orElseThrow()
                .markVoided("manager", Instant.now(), "开错抬头"));

        Answer again = anonymously(address, checkOf(invoice));
        assertThat(again.body().get("result").asText()).isEqualTo("MATCH");
        assertThat(again.body().get("status").asText()).isEqualTo("VOIDED");
        assertThat(again.body().get("invoice").get("totalAmount").asText()).isEqualTo("412.00");
    }

    @Test
    void totalAsJsonNumberWithoutDecimalsStillMatches() throws Exception {
        JsonNode invoice = invoices().forAlice("300.00");
        Map<String, Object> check = checkOf(invoice);
        check.put("totalAmount", 300);

        assertThat(anonymously(newAddress(), check).body().get("result").asText()).isEqualTo("MATCH");
    }

    @Test
    void oneFieldOffGivesMismatchAndRevealsNothingElse() throws Exception {
        JsonNode invoice = invoices().forAlice("520.00");
        Map<String, Object> wrongTotal = checkOf(invoice);
        wrongTotal.put("totalAmount", "520.01");
        Map<String, Object> wrongDate = checkOf(invoice);
        wrongDate.put("issueDate", java.time.LocalDate.parse(invoice.get("issueDate").asText()).minusDays(1).toString());

        for (Map<String, Object> check : List.of(wrongTotal, wrongDate)) {
            Answer answer = anonymously(newAddress(), check);
            assertThat(answer.status()).isEqualTo(HttpStatus.OK);
            assertThat(answer.raw()).isEqualTo("{\"result\":\"MISMATCH\"}");
        }
    }

    @Test
    void numberWeNeverIssuedIsNotFoundAndRevealsNothingElse() throws Exception {
        Answer answer = anonymously(newAddress(), check(unissuedNumber(), "2026-11-03", "1.00"));

        assertThat(answer.status()).isEqualTo(HttpStatus.OK);
        assertThat(answer.raw()).isEqualTo("{\"result\":\"NOT_FOUND\"}");
    }

    @Test
    void anonymousCallerSeesTheBuyerMaskedWhileOwnerAndBackOfficeSeeItWhole() throws Exception {
        JsonNode invoice = invoices().forAcme("880.00");
        Map<String, Object> check = checkOf(invoice);

        assertThat(anonymously(newAddress(), check).body().at("/invoice/buyerName").asText()).isEqualTo("北京某某***公司");
        assertThat(asUser("alice", check).getBody().at("/invoice/buyerName").asText()).as("another customer").isEqualTo("北京某某***公司");
        assertThat(asUser("acme", check).getBody().at("/invoice/buyerName").asText()).isEqualTo("北京某某科技有限公司");
        assertThat(asUser("reviewer", check).getBody().at("/invoice/buyerName").asText()).isEqualTo("北京某某科技有限公司");
        assertThat(asUser("service", check).getBody().at("/invoice/buyerName").asText()).isEqualTo("北京某某科技有限公司");
    }

    @Test
    void personalBuyerIsMaskedToTheFamilyName() throws Exception {
        JsonNode invoice = invoices().forAlice("66.00");

        assertThat(anonymously(newAddress(), checkOf(invoice)).body().at("/invoice/buyerName").asText()).isEqualTo("爱*");
        assertThat(asUser("alice", checkOf(invoice)).getBody().at("/invoice/buyerName").asText()).isEqualTo("爱丽丝");
    }

    @Test
    void verifiedCountCountsDistinctPartiesWithAMatch() throws Exception {
        JsonNode invoice = invoices().forAlice("77.00");
        String first = newAddress();
        Map<String, Object> check = checkOf(invoice);

        assertThat(anonymously(first, check).body().get("verifiedCount").asLong()).isEqualTo(1);
        assertThat(anonymously(first, check).body().get("verifiedCount").asLong()).as("same party again").isEqualTo(1);
        Map<String, Object> wrong = checkOf(invoice);
        wrong.put("totalAmount", "1.00");
        anonymously(newAddress(), wrong);
        assertThat(anonymously(newAddress(), check).body().get("verifiedCount").asLong()).isEqualTo(2);
        assertThat(asUser("reviewer", check).getBody().get("verifiedCount").asLong()).isEqualTo(3);
    }

    @Test
    void malformedFieldsGet400WithFieldErrors() throws Exception {
        Answer answer = anonymously(newAddress(), check("123", "2026-13-01", "1.999"));

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("errors").findValuesAsText("field")).containsExactly("number", "issueDate", "totalAmount");
    }

    @Test
    void bodyThatIsNotAnObjectGets400WithAFieldError() throws Exception {
        MockHttpServletResponse response = mockMvc.perform(post("/api/verifications").with(from(newAddress()))
                .contentType(MediaType.APPLICATION_JSON).content("[\"26110000000000000123\"]")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json.readTree(response.getContentAsByteArray()).get("errors").findValuesAsText("field")).containsExactly("body");
    }

    @Test
    void clientOverItsRateLimitGets429WithRetryAfter() throws Exception {
        String address = newAddress();
        Map<String, Object> check = check(unissuedNumber(), "2026-11-03", "1.00");
        int perMinute = properties.rateLimit().anonymousPerMinute();
        long started = System.nanoTime();
        for (int i = 0; i < perMinute; i++) {
            assertThat(anonymously(address, check).status()).isEqualTo(HttpStatus.OK);
        }

        // the bucket refills greedily (one check every 60/perMinute s), so on a slow machine a few more may pass
        // while the first ones were answered; beyond what the elapsed time refilled, the client is refused
        Answer refused = anonymously(address, check);
        int extra = 0;
        while (refused.status() == HttpStatus.OK && extra < perMinute) {
            extra++;
            refused = anonymously(address, check);
        }
        double refilled = (System.nanoTime() - started) / 1e9 * perMinute / 60.0;
        assertThat((double) extra).as("checks over the limit let through").isLessThanOrEqualTo(Math.ceil(refilled) + 1);

        assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("type").asText()).endsWith("/rate-limited");
        assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, 60L);
        assertThat(anonymously(newAddress(), check).status()).as("another client").isEqualTo(HttpStatus.OK);
    }

    @Test
    void fiveMismatchesLockTheNumberForTheRestOfTheDayForTheCallerWhoFailedEvenForACorrectCheck() throws Exception {
        JsonNode invoice = invoices().forAlice("45.00");
        JsonNode other = invoices().forAlice("46.00");
        String guesser = newAddress();
        Map<String, Object> wrong = checkOf(invoice);
        wrong.put("totalAmount", "45.10");
        for (int i = 0; i < properties.mismatchesPerDay(); i++) {
            assertThat(anonymously(guesser, wrong).body().get("result").asText()).isEqualTo("MISMATCH");
        }

        Answer locked = anonymously(guesser, checkOf(invoice));

        assertThat(locked.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(locked.body().get("result").asText()).isEqualTo("LOCKED");
        assertThat(locked.body().get("type").asText()).endsWith("/verification-locked");
        assertThat(locked.body().has("invoice")).isFalse();
        assertThat(Long.parseLong(locked.retryAfter())).isBetween(1L, 24 * 3600L + 1);
        assertThat(anonymously(guesser, checkOf(other)).body().get("result").asText()).as("other numbers").isEqualTo("MATCH");
    }

    @Test
    void aNumberOneCallerLockedStaysOpenToEveryOtherCaller() throws Exception {
        JsonNode invoice = invoices().forAlice("47.00");
        Map<String, Object> wrong = checkOf(invoice);
        wrong.put("totalAmount", "47.10");
        for (int i = 0; i < properties.mismatchesPerDay(); i++) {
            asUser("manager", wrong);
        }
        assertThat(asUser("manager", checkOf(invoice)).getStatusCode()).as("locked for the caller who failed")
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        assertThat(asUser("alice", checkOf(invoice)).getBody().get("result").asText()).as("its owner").isEqualTo("MATCH");
        assertThat(asUser("acme", checkOf(invoice)).getBody().get("result").asText()).as("another user").isEqualTo("MATCH");
        assertThat(anonymously(newAddress(), checkOf(invoice)).body().get("result").asText()).as("an anonymous caller")
                .isEqualTo("MATCH");
    }

    @Test
    void historyListsOnlyTheCallersOwnChecksNewestFirst() {
        String first = unissuedNumber();
        String second = unissuedNumber();
        String acmes = unissuedNumber();
        asUser("manager", check(first, "2026-11-03", "1.00"));
        asUser("manager", check(second, "2026-11-03", "2.00"));
        asUser("acme", check(acmes, "2026-11-03", "3.00"));

        JsonNode history = client("manager").get().uri("/api/verifications/history?page=0&size=100").retrieve().body(JsonNode.class);

        List<String> numbers = history.findValuesAsText("number");
        assertThat(numbers).startsWith(second, first).doesNotContain(acmes);
        assertThat(history.get(0).get("result").asText()).isEqualTo("NOT_FOUND");
        assertThat(history.get(0).has("checkedAt")).isTrue();
        JsonNode page = client("manager").get().uri("/api/verifications/history?page=1&size=1").retrieve().body(JsonNode.class);
        assertThat(page.findValuesAsText("number")).containsExactly(first);
    }

    @Test
    void historyNeedsALogin() throws Exception {
        assertThat(mockMvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/verifications/history"))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    private record Answer(HttpStatus status, JsonNode body, String raw, String contentType, String retryAfter) {
    }

    private Answer anonymously(String address, Map<String, Object> check) throws Exception {
        MockHttpServletResponse response = mockMvc.perform(post("/api/verifications").with(from(address))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(check))).andReturn().getResponse();
        String raw = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return new Answer(HttpStatus.valueOf(response.getStatus()), json.readTree(raw), raw, response.getContentType(),
                response.getHeader(HttpHeaders.RETRY_AFTER));
    }

    private ResponseEntity<JsonNode> asUser(String user, Map<String, Object> check) {
        return client(user).post().uri("/api/verifications").contentType(MediaType.APPLICATION_JSON).body(check).retrieve()
                .toEntity(JsonNode.class);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A TEST-NET address no other test uses. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    /** A well-formed number of a year (2099) we have not issued in. */
    private static String unissuedNumber() {
        return "9911" + String.format("%016d", ThreadLocalRandom.current().nextLong(10_000_000_000_000_000L));
    }

    private static Map<String, Object> checkOf(JsonNode invoice) {
        return check(invoice.get("number").asText(), invoice.get("issueDate").asText(), invoice.get("totalAmount").asText());
    }

    private static Map<String, Object> check(String number, String issueDate, Object totalAmount) {
        Map<String, Object> check = new HashMap<>();
        check.put("number", number);
        check.put("issueDate", issueDate);
        check.put("totalAmount", totalAmount);
        return check;
    }
}
