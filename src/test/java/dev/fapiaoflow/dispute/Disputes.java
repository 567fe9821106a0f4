package dev.fapiaoflow.dispute;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import dev.fapiaoflow.support.TestMailServer;
import dev.fapiaoflow.support.Waiting;

/** Test helpers around the dispute API: raise, resolve, poll, find tasks and mails. */
final class Disputes {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Function<String, RestClient> clients;

    Disputes(Function<String, RestClient> clients) {
        this.clients = clients;
    }

    ResponseEntity<JsonNode> raise(String customer, long invoiceId, Map<String, Object> body) {
        return clients.apply(customer).post().uri("/api/invoices/{id}/disputes", invoiceId)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    long raised(String customer, long invoiceId, Map<String, Object> body) {
        ResponseEntity<JsonNode> answer = raise(customer, invoiceId, body);
        if (answer.getStatusCode().value() != 202) {
            throw new AssertionError("dispute not raised: " + answer.getStatusCode() + " " + answer.getBody());
        }
        return answer.getBody().get("id").asLong();
    }

    ResponseEntity<JsonNode> resolve(String user, long disputeId, String action, String comment) {
        Map<String, Object> body = comment == null ? Map.of("action", action) : Map.of("action", action, "comment", comment);
        return clients.apply(user).post().uri("/api/disputes/{id}/resolution", disputeId)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    JsonNode get(String user, long disputeId) {
        return clients.apply(user).get().uri("/api/disputes/{id}", disputeId).retrieve().body(JsonNode.class);
    }

    JsonNode invoice(String user, long invoiceId) {
        return clients.apply(user).get().uri("/api/invoices/{id}", invoiceId).retrieve().body(JsonNode.class);
    }

    /** polls the dispute (as its customer) until it matches, 20 s at most */
    JsonNode await(String customer, long disputeId, Predicate<JsonNode> until, String what) {
        return Waiting.until("dispute " + disputeId + " " + what, WAIT, () -> get(customer, disputeId), until);
    }

    JsonNode awaitStatus(String customer, long disputeId, String status) {
        return await(customer, disputeId, d -> status.equals(d.path("status").asText()), status);
    }

    /** the id of the open task of the request's processes with that key, polled for 20 s */
    String taskOf(long requestId, String taskKey) {
        JsonNode tasks = Waiting.until("a single " + taskKey + " task of request " + requestId, WAIT,
                () -> clients.apply("admin").get()
                        .uri("/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey={task}", requestId, taskKey)
                        .retrieve().body(JsonNode.class),
                found -> found != null && found.isArray() && found.size() == 1);
        return tasks.get(0).get("id").asText();
    }

    int complete(String user, String taskId, Map<String, Object> variables) {
        return clients.apply(user).post().uri("/engine-rest/task/{id}/complete", taskId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", variables))
                .retrieve().toBodilessEntity().getStatusCode().value();
    }

    /** subject and attachment names of the first mail to the recipient whose subject contains the marker */
    static List<String> mailTo(String recipient, String marker) throws Exception {
        MimeMessage mail = Waiting.until("a mail to " + recipient + " about " + marker, WAIT,
                () -> firstMail(recipient, marker), found -> found != null);
        List<String> parts = new java.util.ArrayList<>(List.of(mail.getSubject()));
        attachments(mail, parts);
        return parts;
    }

    private static MimeMessage firstMail(String recipient, String marker) throws Exception {
        for (MimeMessage message : TestMailServer.get().getReceivedMessages()) {
            if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(recipient)
                    && message.getSubject() != null && message.getSubject().contains(marker)) {
                return message;
            }
        }
        return null;
    }

    private static void attachments(Part part, List<String> names) throws Exception {
        if (part.getFileName() != null) {
            names.add(part.getFileName());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                attachments(multipart.getBodyPart(i), names);
            }
        }
    }
}
