package dev.fapiaoflow.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import dev.fapiaoflow.support.SpringTestBase;

/** An administrator announces maintenance: the status page and every page say so, and verification waits it out. */
class MaintenanceWindowTest extends SpringTestBase {

    @Autowired
    MaintenanceWindows windows;

    @AfterEach
    void noMaintenanceLeftForOtherTests() {
        windows.currentAndUpcoming().forEach(window -> windows.cancel(window.id()));
    }

    @Test
    void duringAWindowPagesShowTheBannerAndTheVerificationApiAnswers503WithRetryAfter() throws Exception {
        assertThat(page("/status")).contains("data-part=\"verification\" data-state=\"OPERATIONAL\"")
                .doesNotContain("maintenance-banner");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ResponseEntity<JsonNode> posted = announce("admin", now.minusSeconds(60), now.plusSeconds(600), "数据库升级");
        assertThat(posted.getStatusCode().value()).isEqualTo(201);

        assertThat(page("/status")).contains("data-part=\"verification\" data-state=\"MAINTENANCE\"", "维护中", "数据库升级",
                "id=\"maintenance-banner\"");
        assertThat(page("/verify")).contains("id=\"maintenance-banner\"", "系统维护中", "数据库升级");

        ResponseEntity<JsonNode> check = verify(null);
        assertThat(check.getStatusCode().value()).isEqualTo(503);
        long retryAfter = Long.parseLong(check.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(500L, 601L);
        assertThat(check.getBody().get("detail").asText()).contains("发票查验暂停", "数据库升级");
        assertThat(verify("en").getBody().get("detail").asText()).startsWith("Maintenance in progress");

        ResponseEntity<String> cancelled = client("admin").delete()
                .uri("/api/maintenance-windows/{id}", posted.getBody().get("id").asLong()).retrieve().toEntity(String.class);
        assertThat(cancelled.getStatusCode().value()).isEqualTo(204);
        assertThat(verify(null).getStatusCode().value()).as("answers again once the window is over").isNotEqualTo(503);
        assertThat(page("/verify")).doesNotContain("maintenance-banner");
    }

    @Test
    void aWindowStillToComeIsListedButChangesNothingYet() throws Exception {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
        announce("admin", start, start.plus(2, ChronoUnit.HOURS), "发票平台切换");

        JsonNode listed = anonymous().get().uri("/api/maintenance-windows").retrieve().body(JsonNode.class);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("message").asText()).isEqualTo("发票平台切换");
        assertThat(page("/status")).contains("发票平台切换", "data-state=\"OPERATIONAL\"").doesNotContain("maintenance-banner");
        assertThat(verify(null).getStatusCode().value()).isNotEqualTo(503);
    }

    @Test
    void onlyAnAdministratorAnnouncesAndAWrongWindowIsRefusedField() {
        Instant now = Instant.now();
        assertThat(announce("alice", now, now.plusSeconds(60), "x").getStatusCode().value()).isEqualTo(403);

        ResponseEntity<JsonNode> wrong = announce("admin", now.plusSeconds(60), now, " ");
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("endsAt", "message");
        assertThat(windows.currentAndUpcoming()).isEmpty();
    }

    private ResponseEntity<JsonNode> announce(String user, Instant startsAt, Instant endsAt, String message) {
        return client(user).post().uri("/api/maintenance-windows").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("startsAt", startsAt.toString(), "endsAt", endsAt.toString(), "message", message))
                .retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> verify(String language) {
        return anonymous().post().uri("/api/verifications").contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (language != null) {
                        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
                    }
                })
                .body(Map.of("number", "99110000000000000001", "issueDate", "2026-11-03", "totalAmount", "1.00"))
                .retrieve().toEntity(JsonNode.class);
    }

    private RestClient anonymous() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    private String page(String path) throws Exception {
        return mockMvc.perform(get(path).accept(MediaType.TEXT_HTML)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
