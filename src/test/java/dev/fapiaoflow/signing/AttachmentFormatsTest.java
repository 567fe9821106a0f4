package dev.fapiaoflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.Requests;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.support.TestMailServer;
import dev.fapiaoflow.support.Waiting;

/** The request's optional attachmentFormats: the invoice mail carries the PDF, the OFD or both; PDF when absent. */
class AttachmentFormatsTest extends SpringTestBase {

    @Test
    void aRequestForBothGetsPdfAndOfdAttached() throws Exception {
        String email = "both-" + UUID.randomUUID() + "@example.com";
        Map<String, Object> body = Requests.personalNormal(List.of(pushOrder("95.00")), "爱丽丝", email);
        body.put("attachmentFormats", List.of("PDF", "OFD"));

        String location = client("alice").post().uri("/api/invoice-requests").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(JsonNode.class).getHeaders().getLocation().toString();
        JsonNode request = awaitDelivered(location);

        String number = request.get("invoices").get(0).get("number").asText();
        assertThat(attachmentNames(mailTo(email))).containsExactly(number + ".pdf", number + ".ofd");
    }

    @Test
    void anUnknownFormatIs400() {
        Map<String, Object> body = Requests.personalNormal(List.of(pushOrder("96.00")), "爱丽丝", "alice@example.com");
        body.put("attachmentFormats", List.of("DOCX"));

        ResponseEntity<JsonNode> answer = client("alice").post().uri("/api/invoice-requests").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(JsonNode.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().toString()).contains("attachmentFormats");
    }

    /** Up to 60 s: the first OFD of a cold context is made inside the mail step, on a shared machine. */
    private JsonNode awaitDelivered(String location) {
        return Waiting.until("request " + location + " delivered", Duration.ofSeconds(60),
                () -> client("alice").get().uri(location).retrieve().body(JsonNode.class),
                request -> "DELIVERED".equals(request.get("status").asText()));
    }

    private String pushOrder(String price) {
        String orderNo = Orders.newOrderNo();
        client("shop").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Orders.paidTrainingOrder("alice", orderNo, price)).retrieve().toBodilessEntity();
        return orderNo;
    }

    private static MimeMessage mailTo(String recipient) throws Exception {
        for (MimeMessage message : TestMailServer.get().getReceivedMessages()) {
            if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(recipient)) {
                return message;
            }
        }
        throw new AssertionError("no mail to " + recipient);
    }

    private static List<String> attachmentNames(MimeMessage message) throws Exception {
        List<String> names = new ArrayList<>();
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                names.add(part.getFileName());
            }
        }
        return names;
    }
}
