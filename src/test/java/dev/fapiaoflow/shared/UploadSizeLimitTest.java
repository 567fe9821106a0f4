package dev.fapiaoflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import jakarta.servlet.MultipartConfigElement;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fapiaoflow.support.SpringTestBase;

/**
 * Uploads are bounded by the servlet container before any application code reads them: a body over
 * {@code spring.servlet.multipart.max-file-size} never reaches the batch parser and stores nothing (the batch's own
 * 10 MB limit, checked before parsing, is BatchVerificationApiTest's).
 */
class UploadSizeLimitTest extends SpringTestBase {

    private static final long CONTAINER_LIMIT = 20L * 1024 * 1024;

    @Autowired
    MultipartConfigElement multipart;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theContainerLimitsEveryMultipartFileAndRequest() {
        assertThat(multipart.getMaxFileSize()).isEqualTo(CONTAINER_LIMIT);
        assertThat(multipart.getMaxRequestSize()).isEqualTo(CONTAINER_LIMIT);
    }

    @Test
    void aFileOverTheContainerLimitIsRefusedWithoutBeingParsedOrStored() throws Exception {
        long batches = jdbc.queryForObject("SELECT count(*) FROM verification_batch", Long.class);
        byte[] content = new byte[(int) CONTAINER_LIMIT + 1024];
        Arrays.fill(content, (byte) '1');
        String boundary = "fapiaoflow-limit-test";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nnumber,issueDate,totalAmount\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/verifications/batch"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();

        Integer status;
        try {
            status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException closedWhileSending) {
            // Tomcat may answer 413 and close the connection before the client has sent everything
            status = null;
        }

        assertThat(status == null || status == 413).as("status " + status).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM verification_batch", Long.class)).isEqualTo(batches);
    }
}
