package dev.fapiaoflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.support.Waiting;

/**
 * The Chinese customer and staff pages show status codes as words and times in Asia/Shanghai to the minute: a raw
 * code (DELIVERED, BLUE, GENERAL, HELD, "correct" ...) or an ISO timestamp in the visible text fails the test.
 * Codes in attributes (data-status, CSS classes) are for scripts and tests and stay.
 */
class PageWordsTest extends SpringTestBase {

    /** the codes of invoices, requests, disputes, recommendations, taxpayers and mails */
    private static final Pattern RAW_CODE = Pattern.compile("\\b(ISSUED|DELIVERED|VOIDED|RED_FLUSHED|PARTIALLY_RED_FLUSHED"
            + "|BLUE|RED|NORMAL|SPECIAL|GENERAL|SMALL_SCALE|HELD|SENT|SENDING|OPEN|ESCALATED|IN_PROGRESS|RESOLVED"
            + "|REJECTED|REQUESTED|IN_REVIEW|NEEDS_INFO|WRONG_TITLE|correct|resend|reject|escalate)\\b");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    @Test
    void customerAndStaffPagesShowStatusesAsWordsAndTimesInShanghai() throws Exception {
        IssuedInvoices invoices = new IssuedInvoices(this::client);
        JsonNode invoice = invoices.forAlice("188.00");
        long invoiceId = invoice.get("id").asLong();
        long disputeId = raiseDispute(invoiceId);
        awaitRecommendation(disputeId);
        String special = invoices.specialRequestInReview("2888.00");
        String reviewTask = invoices.financeTask(special, "ReviewSpecialVat").get("id").asText();

        assertShowsWordsOnly("alice", "/invoices");
        assertShowsWordsOnly("alice", "/invoices/" + invoiceId + "/dispute");
        assertShowsWordsOnly("alice", "/disputes");
        assertShowsWordsOnly("alice", "/disputes/" + disputeId);
        assertShowsWordsOnly("service", "/disputes");
        assertShowsWordsOnly("service", "/disputes/" + disputeId);
        assertShowsWordsOnly("admin", "/outbox");
        assertShowsWordsOnly("reviewer", "/tasks/" + reviewTask);

        assertThat(visibleText("alice", "/invoices")).contains("已送达");
        assertThat(visibleText("service", "/disputes/" + disputeId)).contains("蓝字发票", "已开具");
        assertThat(visibleText("reviewer", "/tasks/" + reviewTask)).contains("一般纳税人");
    }

    @Test
    void taskNamesComeFromTheBundlesInThePageLanguage() {
        String special = new IssuedInvoices(this::client).specialRequestInReview("1888.00");
        String reviewTask = new IssuedInvoices(this::client).financeTask(special, "ReviewSpecialVat").get("id").asText();

        assertThat(visibleText("reviewer", "/tasks")).contains("审核专用发票申请").doesNotContain("Review special VAT request");
        assertThat(visibleText("reviewer", "/tasks/" + reviewTask)).contains("审核专用发票申请")
                .doesNotContain("Review special VAT request");
        assertThat(visibleText("reviewer", "/tasks/" + reviewTask + "?lang=en")).contains("Review special VAT request")
                .doesNotContain("审核专用发票申请");
    }

    private void assertShowsWordsOnly(String user, String path) {
        String text = visibleText(user, path);
        Matcher code = RAW_CODE.matcher(text);
        if (code.find()) {
            throw new AssertionError(user + " sees the raw code " + code.group() + " on " + path + ": …" + around(text, code.start()) + "…");
        }
        Matcher time = ISO_TIME.matcher(text);
        if (time.find()) {
            throw new AssertionError(user + " sees an ISO timestamp on " + path + ": …" + around(text, time.start()) + "…");
        }
    }

    /** the page's text as a reader sees it: no tags, attributes, scripts or styles */
    private String visibleText(String user, String path) {
        ResponseEntity<String> page = client(user).get().uri(path).accept(MediaType.TEXT_HTML).retrieve().toEntity(String.class);
        assertThat(page.getStatusCode().value()).as("%s opens %s", user, path).isEqualTo(200);
        String html = page.getBody().replaceAll("(?is)<(script|style)\\b.*?</\\1>", " ");
        return HtmlUtils.htmlUnescape(html.replaceAll("(?s)<[^>]*>", " ")).replaceAll("\\s+", " ");
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40));
    }

    private long raiseDispute(long invoiceId) {
        ResponseEntity<JsonNode> answer = client("alice").post().uri("/api/invoices/{id}/disputes", invoiceId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", "WRONG_TITLE", "description", "抬头写错了", "correction", Map.of("title", "爱丽丝二")))
                .retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).as("dispute raised: %s", answer.getBody()).isEqualTo(202);
        return answer.getBody().get("id").asLong();
    }

    /** the rules recommend an action shortly after the dispute is raised (staff see it in their list) */
    private void awaitRecommendation(long disputeId) {
        Waiting.until("a recommendation for dispute " + disputeId, Duration.ofSeconds(30),
                () -> client("service").get().uri("/api/disputes/{id}", disputeId).retrieve().body(JsonNode.class),
                dispute -> dispute.hasNonNull("recommendation"));
    }
}
