package dev.fapiaoflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.Requests;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.support.TestMailServer;
import dev.fapiaoflow.support.Waiting;

/** A paper special invoice through the API: approved, posted by finance, tracked and confirmed by the customer. */
class PaperDeliveryApiTest extends SpringTestBase {

    @Test
    void approvedPaperInvoiceIsPostedTrackedAndDeliveredWhenTheCustomerConfirmsReceipt() throws Exception {
        String location = approvedPaperRequest();
        String tracking = "SF" + System.nanoTime() % 10_000_000_000L;

        JsonNode posting = task(location, DeliveryProcess.Elements.POST_PAPER_INVOICE);
        JsonNode issued = client("acme").get().uri(location).retrieve().body(JsonNode.class);
        long invoiceId = issued.get("invoices").get(0).get("id").asLong();
        assertThat(posting.get("description").asText()).contains("/api/invoices/" + invoiceId + "/pdf");
        assertThat(client("reviewer").get().uri("/api/invoices/{id}/pdf", invoiceId).retrieve().toEntity(byte[].class)
                .getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);

        assertThat(complete("reviewer", posting.get("id").asText(), Map.of("courier", Map.of("value", "SF"),
                "trackingNumber", Map.of("value", tracking)))).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode posted = client("acme").get().uri(location).retrieve().body(JsonNode.class);
        assertThat(posted.get("status").asText()).as("posted, not yet received").isEqualTo("ISSUED");
        assertThat(posted.at("/shipment/courier").asText()).isEqualTo("SF");
        assertThat(posted.at("/shipment/trackingNumber").asText()).isEqualTo(tracking);
        assertThat(posted.at("/shipment/postedAt").isTextual()).isTrue();
        assertThat(posted.at("/shipment/receivedAt").isNull()).isTrue();
        awaitMailContaining("ap@acme.example.com", tracking);
        String page = client("acme").get().uri("/invoices").retrieve().body(String.class);
        assertThat(page).contains(tracking).contains("action=\"/invoices/" + location.substring(location.lastIndexOf('/') + 1) + "/receipt\"");

        assertThat(client("acme").post().uri(location + "/receipt").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode delivered = client("acme").get().uri(location).retrieve().body(JsonNode.class);
        assertThat(delivered.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.at("/shipment/receivedAt").isTextual()).isTrue();
        assertThat(delivered.get("invoices").get(0).get("status").asText()).isEqualTo("DELIVERED");
        assertThat(client("acme").post().uri(location + "/receipt").retrieve().toBodilessEntity().getStatusCode())
                .as("nothing waits for a second receipt").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void someoneElsesReceiptIsNotFoundAndAnUnpostedOneIsAConflict() {
        String location = approvedPaperRequest();

        assertThat(client("alice").post().uri(location + "/receipt").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(client("acme").post().uri(location + "/receipt").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(client("acme").get().uri(location).retrieve().body(JsonNode.class).get("shipment").isNull()).isTrue();
    }

    @Test
    void aMalformedTrackingNumberIsRefusedAndThePostingTaskStaysOpen() {
        String location = approvedPaperRequest();
        String taskId = task(location, DeliveryProcess.Elements.POST_PAPER_INVOICE).get("id").asText();

        assertThat(complete("reviewer", taskId, Map.of("courier", Map.of("value", "SF"),
                "trackingNumber", Map.of("value", "12 34")))).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(task(location, DeliveryProcess.Elements.POST_PAPER_INVOICE).get("id").asText()).isEqualTo(taskId);
        assertThat(client("acme").get().uri(location).retrieve().body(JsonNode.class).get("shipment").isNull()).isTrue();
    }

    /** acme's paper special invoice, approved by reviewer and issued: waiting for finance to post it */
    private String approvedPaperRequest() {
        String orderNo = Orders.newOrderNo();
        client("shop").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Orders.paidTrainingOrder("acme", orderNo, "800.00")).retrieve().toBodilessEntity();
        String location = client("acme").post().uri("/api/invoice-requests").contentType(MediaType.APPLICATION_JSON)
                .body(Requests.acmeSpecialByPost(List.of(orderNo))).retrieve().toBodilessEntity()
                .getHeaders().getLocation().toString();
        awaitStatus(location, "IN_REVIEW");
        String review = task(location, "ReviewSpecialVat").get("id").asText();
        assertThat(complete("reviewer", review, Map.of("decision", Map.of("value", "approve")))).isEqualTo(HttpStatus.NO_CONTENT);
        awaitStatus(location, "ISSUED");
        return location;
    }

    private HttpStatus complete(String user, String taskId, Map<String, Object> variables) {
        return HttpStatus.valueOf(client(user).post().uri("/engine-rest/task/{id}/complete", taskId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", variables))
                .retrieve().toBodilessEntity().getStatusCode().value());
    }

    private void awaitStatus(String location, String status) {
        Waiting.until("status " + status + " of " + location, Duration.ofSeconds(10),
                () -> client("acme").get().uri(location).retrieve().body(JsonNode.class).get("status").asText(), status::equals);
    }

    private static void awaitMailContaining(String recipient, String marker) {
        Waiting.until("a mail to " + recipient + " containing " + marker, Duration.ofSeconds(10),
                () -> hasMailContaining(recipient, marker));
    }

    private static boolean hasMailContaining(String recipient, String marker) throws Exception {
        for (MimeMessage message : TestMailServer.get().getReceivedMessages()) {
            if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(recipient) && textOf(message).contains(marker)) {
                return true;
            }
        }
        return false;
    }

    private static String textOf(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        StringBuilder text = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(textOf(multipart.getBodyPart(i)));
            }
        }
        return text.toString();
    }

    private JsonNode task(String requestLocation, String taskKey) {
        return new IssuedInvoices(this::client).financeTask(requestLocation, taskKey);
    }
}
