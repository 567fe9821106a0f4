package dev.fapiaoflow.verification;

import java.time.Duration;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import dev.fapiaoflow.support.Waiting;

/** Uploads a batch over real HTTP as a logged-in user and waits for it the way a client would: by polling. */
final class BatchUploadClient {

    private final Function<String, RestClient> clients;

    BatchUploadClient(Function<String, RestClient> clients) {
        this.clients = clients;
    }

    ResponseEntity<JsonNode> upload(String user, String fileName, byte[] content) {
        return upload(user, fileName, content, null);
    }

    /** {@code language}: the Accept-Language header, or null for none (the product's language, zh-CN). */
    ResponseEntity<JsonNode> upload(String user, String fileName, byte[] content, String language) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return clients.apply(user).post().uri("/api/verifications/batch").contentType(MediaType.MULTIPART_FORM_DATA)
                .headers(headers -> {
                    if (language != null) {
                        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
                    }
                })
                .body(parts).retrieve().toEntity(JsonNode.class);
    }

    long accepted(String user, String fileName, byte[] content) {
        return accepted(user, fileName, content, null);
    }

    long accepted(String user, String fileName, byte[] content, String language) {
        ResponseEntity<JsonNode> response = upload(user, fileName, content, language);
        if (response.getStatusCode().value() != 202) {
            throw new AssertionError("upload answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return response.getBody().get("jobId").asLong();
    }

    ResponseEntity<JsonNode> status(String user, long jobId) {
        return clients.apply(user).get().uri("/api/verifications/batch/{id}", jobId).retrieve().toEntity(JsonNode.class);
    }

    JsonNode awaitDone(String user, long jobId) {
        return Waiting.until("batch " + jobId + " DONE", Duration.ofSeconds(30), () -> status(user, jobId).getBody(),
                status -> "DONE".equals(status.get("status").asText()));
    }

    ResponseEntity<byte[]> result(String user, long jobId) {
        return clients.apply(user).get().uri("/api/verifications/batch/{id}/result.csv", jobId).retrieve().toEntity(byte[].class);
    }
}
