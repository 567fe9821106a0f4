package dev.fapiaoflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.support.Waiting;

class WebhookApiTest extends SpringTestBase {

    private static final String SECRET = "whsec-0123456789abcdef";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRegisteredWebhookReceivesInvoiceIssuedSignedWithinSecondsOfIssue() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            long endpoint = register(receiver.url(), List.of("invoice.issued", "invoice.delivered"));
            try {
                JsonNode invoice = new IssuedInvoices(this::client).forAlice("88.00");
                long issuedSeen = System.nanoTime();

                WebhookReceiver.Received issued = receiver.await(r -> "invoice.issued".equals(r.event())
                        && r.body().contains("\"" + invoice.get("number").asText() + "\""), Duration.ofSeconds(5));

                assertThat(issued.signature()).isEqualTo("sha256=" + hmac(SECRET, issued.body()));
                JsonNode body = json.readTree(issued.body());
                assertThat(body.get("event").asText()).isEqualTo("invoice.issued");
                assertThat(body.get("occurredAt").asText()).isNotBlank();
                assertThat(body.get("data").get("invoiceId").asLong()).isEqualTo(invoice.get("id").asLong());
                assertThat(body.get("data").get("totalAmount").asText()).isEqualTo("88.00");
                assertThat(issued.body()).as("no buyer data leaves the house").doesNotContain("爱丽丝");
                assertThat(issued.deliveryId()).matches("[0-9a-f-]{36}");
                assertThat(Duration.ofNanos(Math.max(0, issued.receivedAtNanos() - issuedSeen))).isLessThan(Duration.ofSeconds(5));
                receiver.await(r -> "invoice.delivered".equals(r.event()) && r.body().contains(invoice.get("number").asText()),
                        Duration.ofSeconds(5));
                assertThat(receiver.received()).noneMatch(r -> r.event().equals("invoice.voided"));
            } finally {
                client("admin").delete().uri("/api/webhooks/{id}", endpoint).retrieve().toBodilessEntity();
            }
        }
    }

    @Test
    void aRefusedDeliveryIsRetriedThenShownAsFailedAndAnAdminCanResendIt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(500);
            long endpoint = register(receiver.url(), List.of("invoice.issued"));
            try {
                JsonNode invoice = new IssuedInvoices(this::client).forAcme("212.00");
                String number = invoice.get("number").asText();
                JsonNode failed = awaitFailed(receiver.url());
                assertThat(failed.get("attempts").asInt()).as("first try and two retries").isEqualTo(3);
                assertThat(failed.get("lastError").asText()).isEqualTo("HTTP 500");
                assertThat(receiver.received().stream().filter(r -> r.body().contains(number)).map(WebhookReceiver.Received::deliveryId)
                        .distinct().toList()).as("one delivery id over all attempts").hasSize(1);

                String page = client("admin").get().uri("/webhooks").retrieve().body(String.class);
                assertThat(page).contains("/webhooks/deliveries/" + failed.get("id").asLong() + "/resend");
                assertThat(client("manager").get().uri("/webhooks").retrieve().toBodilessEntity().getStatusCode())
                        .isEqualTo(HttpStatus.FORBIDDEN);

                receiver.answer(200);
                assertThat(client("admin").post().uri("/api/webhooks/deliveries/{id}/resend", failed.get("id").asLong())
                        .retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
                long resent = receiver.received().size();
                receiver.await(r -> r.body().contains(number) && receiver.received().indexOf(r) >= resent, Duration.ofSeconds(5));
                assertThat(client("admin").post().uri("/api/webhooks/deliveries/{id}/resend", failed.get("id").asLong())
                        .retrieve().toBodilessEntity().getStatusCode()).as("delivered now").isEqualTo(HttpStatus.CONFLICT);
            } finally {
                client("admin").delete().uri("/api/webhooks/{id}", endpoint).retrieve().toBodilessEntity();
            }
        }
    }

    @Test
    void onlyAdminsRegisterAndBadRegistrationsAreRefusedFieldByField() {
        Map<String, Object> good = Map.of("url", "https://erp.example.com/hooks", "events", List.of("invoice.issued"), "secret", SECRET);
        assertThat(client("manager").post().uri("/api/webhooks").contentType(MediaType.APPLICATION_JSON).body(good).retrieve()
                .toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> bad = client("admin").post().uri("/api/webhooks").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("url", "ftp://x", "events", List.of("invoice.printed"), "secret", "short")).retrieve().toEntity(JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().toString()).contains("url").contains("events").contains("secret");

        ResponseEntity<JsonNode> created = client("admin").post().uri("/api/webhooks").contentType(MediaType.APPLICATION_JSON)
                .body(good).retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();
        JsonNode listed = client("admin").get().uri("/api/webhooks").retrieve().body(JsonNode.class);
        assertThat(listed.toString()).contains("https://erp.example.com/hooks").doesNotContain(SECRET);
        assertThat(client("admin").delete().uri("/api/webhooks/{id}", id).retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(client("admin").delete().uri("/api/webhooks/{id}", id).retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private JsonNode awaitFailed(String url) {
        return Waiting.until("a failed delivery to " + url, Duration.ofSeconds(10), () -> failedDelivery(url),
                delivery -> delivery != null);
    }

    private JsonNode failedDelivery(String url) {
        JsonNode failed = client("admin").get().uri("/api/webhooks/deliveries?status=FAILED").retrieve().body(JsonNode.class);
        for (JsonNode delivery : failed) {
            if (delivery.get("url").asText().equals(url) && delivery.get("event").asText().equals("invoice.issued")) {
                return delivery;
            }
        }
        return null;
    }

    private long register(String url, List<String> events) {
        return client("admin").post().uri("/api/webhooks").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("url", url, "events", events, "secret", SECRET)).retrieve().body(JsonNode.class).get("id").asLong();
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
