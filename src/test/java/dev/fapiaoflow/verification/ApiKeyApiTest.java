package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.client.RestClient;

import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.verification.internal.VerificationProperties;

/** API keys of enterprise verifiers over HTTP: created and shown once, kept only as a hash, used, revoked. */
class ApiKeyApiTest extends SpringTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identityService;

    @Autowired
    VerificationProperties properties;

    @Test
    void keyIsShownOnceAndTheTableHoldsOnlyItsHash() {
        ResponseEntity<JsonNode> created = create("acme", "应付账款系统");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getCacheControl()).contains("no-store");
        String key = created.getBody().get("key").asText();
        long id = created.getBody().get("id").asLong();
        assertThat(key).startsWith("ffk_").hasSize(36);
        assertThat(created.getBody().get("prefix").asText()).isEqualTo(key.substring(0, 12));
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/api-keys/" + id);

        JsonNode listed = client("acme").get().uri("/api/api-keys").retrieve().body(JsonNode.class);
        JsonNode mine = find(listed, id);
        assertThat(mine.get("name").asText()).isEqualTo("应付账款系统");
        assertThat(mine.get("prefix").asText()).isEqualTo(key.substring(0, 12));
        assertThat(mine.has("key")).isFalse();
        assertThat(listed.toString()).doesNotContain(key.substring(12));

        List<Map<String, Object>> rows = jdbc.queryForList("select * from api_key");
        assertThat(rows).isNotEmpty();
        assertThat(rows.toString()).doesNotContain(key).doesNotContain(key.substring(12));
        Map<String, Object> row = jdbc.queryForMap("select key_hash, prefix, user_id from api_key where id = ?", id);
        assertThat(row.get("key_hash")).isEqualTo(sha256(key));
        assertThat(row.get("user_id")).isEqualTo("acme");
    }

    @Test
    void keyAuthenticatesAsItsUserOnSingleBatchAndHistory() throws Exception {
        JsonNode invoice = new IssuedInvoices(this::client).forAcme("1201.00");
        String key = create("acme", "ERP").getBody().get("key").asText();

        for (RestClient caller : List.of(withHeader("X-Api-Key", key), withHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key))) {
            JsonNode answer = caller.post().uri("/api/verifications").contentType(MediaType.APPLICATION_JSON)
                    .body(Checks.of(invoice)).retrieve().body(JsonNode.class);
            assertThat(answer.get("result").asText()).isEqualTo("MATCH");
            assertThat(answer.at("/invoice/buyerName").asText()).as("the owner sees the buyer whole").isEqualTo("北京某某科技有限公司");
        }
        JsonNode history = withHeader("X-Api-Key", key).get().uri("/api/verifications/history?size=5").retrieve().body(JsonNode.class);
        assertThat(history.get(0).get("number").asText()).isEqualTo(invoice.get("number").asText());
        assertThat(history.get(1).get("number").asText()).isEqualTo(invoice.get("number").asText());
        JsonNode asAcme = client("acme").get().uri("/api/verifications/history?size=2").retrieve().body(JsonNode.class);
        assertThat(asAcme.get(0)).as("the same user's history as with a password").isEqualTo(history.get(0));

        BatchUploadClient batches = new BatchUploadClient(user -> withHeader("X-Api-Key", key));
        String csv = "number,issueDate,totalAmount\n" + invoice.get("number").asText() + "," + invoice.get("issueDate").asText()
                + "," + invoice.get("totalAmount").asText() + "\n";
        long job = batches.accepted("acme", "check.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(batches.awaitDone("acme", job).get("matched").asInt()).isEqualTo(1);
        assertThat(client("acme").get().uri("/api/verifications/batch/{id}", job).retrieve().toBodilessEntity().getStatusCode())
                .as("the batch is acme's").isEqualTo(HttpStatus.OK);
    }

    @Test
    void keyOpensNothingButTheVerificationApi() {
        String key = create("acme", "只用于查验").getBody().get("key").asText();

        assertThat(status(withHeader("X-Api-Key", key).get().uri("/api/invoices"))).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(withHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key).get().uri("/api/api-keys"))).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(withHeader("X-Api-Key", key).post().uri("/api/api-keys").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "另一个")))).as("a key cannot mint keys").isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    }

    @Test
    void revokedOrUnknownKeyGets401EvenWhereAnonymousCallersAreWelcome() {
        JsonNode invoice = new IssuedInvoices(this::client).forAcme("1202.00");
        String key = create("acme", "旧系统").getBody().get("key").asText();
        long id = jdbc.queryForObject("select id from api_key where key_hash = ?", Long.class, sha256(key));
        assertThat(status(withHeader("X-Api-Key", key).get().uri("/api/verifications/history"))).isEqualTo(HttpStatus.OK);

        assertThat(status(client("alice").delete().uri("/api/api-keys/{id}", id))).as("someone else's key").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(client("acme").delete().uri("/api/api-keys/{id}", id))).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<JsonNode> revoked = withHeader("X-Api-Key", key).post().uri("/api/verifications")
                .contentType(MediaType.APPLICATION_JSON).body(Checks.of(invoice)).retrieve().toEntity(JsonNode.class);
        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(revoked.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(status(withHeader("X-Api-Key", key).get().uri("/api/verifications/history"))).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(withHeader(HttpHeaders.AUTHORIZATION, "Bearer ffk_" + "A".repeat(32)).post().uri("/api/verifications")
                .contentType(MediaType.APPLICATION_JSON).body(Checks.of(invoice)))).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(withHeader("X-Api-Key", "").get().uri("/api/verifications/history"))).isEqualTo(HttpStatus.UNAUTHORIZED);
        JsonNode listed = find(client("acme").get().uri("/api/api-keys").retrieve().body(JsonNode.class), id);
        assertThat(listed.get("revokedAt").isTextual()).isTrue();
    }

    @Test
    void keyCountsAgainstItsUsersRateLimit() {
        String user = "verifier" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        User created = identityService.newUser(user);
        created.setPassword("demo");
        identityService.saveUser(created);
        identityService.createMembership(user, Groups.CUSTOMER);
        String key = create(user, "压测").getBody().get("key").asText();
        RestClient byKey = withHeader("X-Api-Key", key);
        Map<String, Object> check = Map.of("number", "99110000000000000001", "issueDate", "2026-11-03", "totalAmount", "1.00");

        // the bucket refills while we drain it (userPerMinute per minute), so drain until refused, within bounds
        int accepted = 0;
        HttpStatus last = HttpStatus.OK;
        while (last == HttpStatus.OK && accepted <= 3 * properties.rateLimit().userPerMinute()) {
            last = status(byKey.post().uri("/api/verifications").contentType(MediaType.APPLICATION_JSON).body(check));
            accepted += last == HttpStatus.OK ? 1 : 0;
        }
        assertThat(last).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(accepted).isGreaterThanOrEqualTo(properties.rateLimit().userPerMinute());
        assertThat(jdbc.queryForList("select distinct client_id from verification_record where user_id = ?", String.class, user))
                .as("the key's checks are the user's, as the rate limit counts them").containsExactly("user:" + user);
    }

    @Test
    void nameIsRequired() {
        ResponseEntity<JsonNode> blank = create("acme", " ");

        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getBody().get("errors").findValuesAsText("field")).containsExactly("name");
        assertThat(create("acme", "x".repeat(101)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status(client("acme").post().uri("/api/api-keys"))).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void pageCreatesAKeyShowsItOnceAndRevokesIt() throws Exception {
        MockHttpServletResponse createdPage = mockMvc.perform(post("/api-keys").with(httpBasic("alice", "demo")).with(csrf())
                .param("name", "报销系统")).andReturn().getResponse();
        String created = createdPage.getContentAsString(StandardCharsets.UTF_8);
        assertThat(createdPage.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        String key = created.replaceAll("(?s).*<code class=\"secret\" id=\"new-key\">(ffk_[A-Za-z0-9_-]{32})</code>.*", "$1");
        assertThat(key).startsWith("ffk_").hasSize(36);
        assertThat(status(withHeader("X-Api-Key", key).get().uri("/api/verifications/history"))).isEqualTo(HttpStatus.OK);

        String later = mockMvc.perform(get("/api-keys").with(httpBasic("alice", "demo"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(later).contains("报销系统", key.substring(0, 12)).doesNotContain(key);
        long id = jdbc.queryForObject("select id from api_key where key_hash = ?", Long.class, sha256(key));

        assertThat(mockMvc.perform(post("/api-keys/{id}/revoke", id).with(httpBasic("acme", "demo")).with(csrf()))
                .andReturn().getResponse().getStatus()).as("someone else's key").isEqualTo(404);
        assertThat(mockMvc.perform(post("/api-keys/{id}/revoke", id).with(httpBasic("alice", "demo")).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/api-keys");
        assertThat(status(withHeader("X-Api-Key", key).get().uri("/api/verifications/history"))).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(mockMvc.perform(get("/api-keys").accept(MediaType.TEXT_HTML)).andReturn().getResponse().getStatus()).as("login first").isEqualTo(302);
    }

    private ResponseEntity<JsonNode> create(String user, String name) {
        return client(user).post().uri("/api/api-keys").contentType(MediaType.APPLICATION_JSON).body(Map.of("name", name))
                .retrieve().toEntity(JsonNode.class);
    }

    private RestClient withHeader(String header, String value) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultHeader(header, value)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    private static HttpStatus status(RestClient.RequestHeadersSpec<?> request) {
        return HttpStatus.valueOf(request.retrieve().toBodilessEntity().getStatusCode().value());
    }

    private static JsonNode find(JsonNode keys, long id) {
        for (JsonNode key : keys) {
            if (key.get("id").asLong() == id) {
                return key;
            }
        }
        throw new AssertionError("no key " + id + " in " + keys);
    }

    private static String sha256(String key) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
