package dev.fapiaoflow.verification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The adapter to Tencent Cloud OCR's 增值税发票核验（新版） {@code VatInvoiceVerifyNew}: a JSON POST to
 * {@code https://ocr.tencentcloudapi.com/} with the common headers {@code X-TC-Action}, {@code X-TC-Version},
 * {@code X-TC-Timestamp}, {@code X-TC-Region} (when set) and an {@code Authorization} signed TC3-HMAC-SHA256
 * ({@link Tc3Signer}); the body and answer are {@link TencentMessages}'. Errors come as HTTP 200 with
 * {@code Response.Error}.
 */
@Service
@ConditionalOnProperty(name = "fapiaoflow.verification.provider", havingValue = "tencent")
@EnableConfigurationProperties(TencentProperties.class)
class TencentInvoiceVerifier implements InvoiceVerificationProvider {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private final TencentProperties properties;
    private final ObjectProvider<ProviderEndpoint> simulator;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;

    TencentInvoiceVerifier(TencentProperties properties, ObjectProvider<ProviderEndpoint> simulator, ObjectMapper json,
            ObjectProvider<Clock> clock) {
        if (properties.secretId() == null || properties.secretId().isBlank() || properties.secretKey() == null
                || properties.secretKey().isBlank()) {
            throw new IllegalStateException("fapiaoflow.verification.provider=tencent needs fapiaoflow.verification.tencent.secret-id "
                    + "and .secret-key (the API key pair of the Tencent Cloud account)");
        }
        this.properties = properties;
        this.simulator = simulator;
        this.json = json;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public String name() {
        return "tencent";
    }

    @Override
    public Checked check(ForeignInvoiceQuery query) {
        URI endpoint = URI.create(endpoint());
        String host = endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
        String body = TencentMessages.request(json, query);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(properties.timeout())
                .header("Content-Type", CONTENT_TYPE)
                .header("X-TC-Action", TencentMessages.ACTION)
                .header("X-TC-Version", TencentMessages.VERSION)
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .header("Authorization", Tc3Signer.authorization(properties.secretId(), properties.secretKey(), TencentMessages.SERVICE,
                        host, CONTENT_TYPE, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (properties.region() != null && !properties.region().isBlank()) {
            request.header("X-TC-Region", properties.region());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new ProviderUnavailable("Tencent Cloud answered HTTP " + response.statusCode(), null);
            }
            JsonNode answer = json.readTree(response.body());
            return new Checked(TencentMessages.answer(answer, query, clock.instant()), response.body());
        } catch (IOException e) {
            throw new ProviderUnavailable("Tencent Cloud unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted", e);
        }
    }

    private String endpoint() {
        if (properties.endpoint() != null && !properties.endpoint().isBlank()) {
            return properties.endpoint();
        }
        ProviderEndpoint local = simulator.getIfAvailable();
        if (local == null) {
            throw new IllegalStateException("fapiaoflow.verification.tencent.endpoint is blank and no simulator runs");
        }
        return local.url();
    }
}
