package dev.fapiaoflow.platform.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.fapiaoflow.platform.PlatformBusy;
import dev.fapiaoflow.platform.PlatformClient;
import dev.fapiaoflow.platform.PlatformEndpoint;
import dev.fapiaoflow.platform.PlatformOrder;
import dev.fapiaoflow.platform.PlatformRefused;
import dev.fapiaoflow.platform.PlatformResult;
import dev.fapiaoflow.platform.RedLetterApplication;
import dev.fapiaoflow.platform.RedLetterConfirmation;

/**
 * The adapter to Nuonuo's 诺税通 SaaS open API: {@code POST <base>/open/v1/services?senid&nonce&timestamp&appkey}
 * with the JSON content as body and headers {@code X-Nuonuo-Sign} (see {@link PlatformSigner}), {@code accessToken},
 * {@code userTax} and {@code method}; the content of each method is {@link NuonuoMessages}'. The access token is
 * fetched from {@code <base>/accessToken}, kept until it expires and fetched again when the platform says it expired.
 * Every call goes out as the account's seller ({@code seller-tax-id}); an order of another seller is refused here.
 */
@Service
@EnableConfigurationProperties(PlatformProperties.class)
class NuonuoPlatformClient implements PlatformClient {

    private static final Logger log = LoggerFactory.getLogger(NuonuoPlatformClient.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PlatformProperties properties;
    private final ObjectProvider<PlatformEndpoint> endpoint;
    private final PlatformResults results;
    private final PlatformRateLimiter limiter;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    NuonuoPlatformClient(PlatformProperties properties, ObjectProvider<PlatformEndpoint> endpoint, PlatformResults results,
            PlatformRateLimiter limiter, ObjectMapper json, ObjectProvider<Clock> clock) {
        this.limiter = limiter;
        this.properties = properties;
        this.endpoint = endpoint;
        this.results = results;
        this.json = json;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Submission issue(PlatformOrder order) {
        requireOwnSeller(order.seller());
        JsonNode answer = call(NuonuoMessages.METHOD_ISSUE, NuonuoMessages.issueContent(order));
        if (DUPLICATE_SERIAL.equals(answer.path("code").asText())) {
            log.info("Platform knows serial {} already; querying instead of issuing again", order.serial());
            return Submission.DUPLICATE;
        }
        NuonuoMessages.requireOk(answer);
        return Submission.ACCEPTED;
    }

    @Override
    public PlatformResult query(String serial) {
        return find(serial).orElseGet(() -> new PlatformResult(serial, PlatformResult.Status.PROCESSING, null, null, null, null,
                null, "unknown to the platform yet"));
    }

    @Override
    public Optional<PlatformResult> find(String serial) {
        Optional<PlatformResult> result = NuonuoMessages.queryAnswer(call(NuonuoMessages.METHOD_QUERY,
                NuonuoMessages.queryContent(serial)), serial);
        result.ifPresent(results::record);
        return result;
    }

    @Override
    public Optional<PlatformResult> knownResult(String serial) {
        return results.known(serial);
    }

    @Override
    public String applyRedLetterConfirmation(RedLetterApplication application) {
        requireOwnSeller(application.seller());
        return NuonuoMessages.redConfirmApplyAnswer(call(NuonuoMessages.METHOD_RED_CONFIRM_APPLY,
                NuonuoMessages.redConfirmApplyContent(application)));
    }

    @Override
    public Optional<RedLetterConfirmation> redLetterConfirmation(String billId) {
        return NuonuoMessages.redConfirmQueryAnswer(call(NuonuoMessages.METHOD_RED_CONFIRM_QUERY,
                NuonuoMessages.redConfirmQueryContent(billId)), billId);
    }

    @Override
    public Submission issueRedOfPaper(String redSerial, RedLetterApplication application, RedLetterConfirmation confirmation) {
        requireOwnSeller(application.seller());
        JsonNode answer = call(NuonuoMessages.METHOD_FAST_RED, NuonuoMessages.fastRedContent(redSerial, clock.instant(),
                application, confirmation));
        if (DUPLICATE_SERIAL.equals(answer.path("code").asText())) {
            return Submission.DUPLICATE;
        }
        NuonuoMessages.requireOk(answer);
        return Submission.ACCEPTED;
    }

    @Override
    public void cancelRedLetterConfirmation(String billId) {
        NuonuoMessages.requireOk(call(NuonuoMessages.METHOD_RED_CONFIRM_CANCEL, NuonuoMessages.redConfirmCancelContent(billId)));
    }

    private void requireOwnSeller(PlatformOrder.Seller seller) {
        if (properties.sellerTaxId() == null || !properties.sellerTaxId().equals(seller.taxId())) {
            throw new PlatformRefused(NuonuoMessages.SELLER_MISMATCH, "the seller " + seller.taxId()
                    + " is not the platform account's seller (fapiaoflow.platform.seller-tax-id)");
        }
    }

    /** A document the platform links to (PDF or OFD). */
    @Override
    public byte[] download(String url) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(properties.timeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length == 0) {
                throw new IllegalStateException("platform document " + url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("platform document " + url + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public Duration pollInterval() {
        return properties.pollInterval();
    }

    @Override
    public Duration giveUpAfter() {
        return properties.giveUpAfter();
    }

    @Override
    public int maxDailyAttempts() {
        return properties.maxDailyAttempts();
    }

    /** one signed call of any method, the token renewed once when the platform says it expired */
    JsonNode call(String method, Object content) {
        JsonNode answer = callWithToken(method, content, token());
        if (NuonuoMessages.TOKEN_EXPIRED.equals(answer.path("code").asText())) {
            log.info("Platform access token expired; fetching a new one");
            answer = callWithToken(method, content, refreshToken());
        }
        return answer;
    }

    private JsonNode callWithToken(String method, Object content, String accessToken) {
        limiter.acquire(method, NuonuoMessages.METHOD_ISSUE.equals(method) || NuonuoMessages.METHOD_RED_CONFIRM_APPLY.equals(method));
        try {
            String body = json.writeValueAsString(content);
            String senid = HexFormat.of().formatHex(randomBytes(16));
            String nonce = String.valueOf(10_000_000 + RANDOM.nextInt(90_000_000));
            String timestamp = String.valueOf(clock.instant().getEpochSecond());
            String sign = PlatformSigner.sign(properties.appSecret(),
                    PlatformSigner.callCanonical(properties.appKey(), senid, nonce, timestamp, body));
            URI uri = URI.create(baseUrl() + "/open/v1/services?senid=" + senid + "&nonce=" + nonce + "&timestamp=" + timestamp
                    + "&appkey=" + URLEncoder.encode(properties.appKey(), StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                    .header("Content-Type", "application/json;charset=utf-8")
                    .header("X-Nuonuo-Sign", sign).header("accessToken", accessToken)
                    .header("userTax", properties.userTax() == null || properties.userTax().isBlank() ? properties.sellerTaxId() : properties.userTax()).header("method", method)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 429 || response.statusCode() == 503) {
                // the platform says "slow down": back off, the job retries later
                throw new PlatformBusy("platform " + method + " answered HTTP " + response.statusCode() + ": slow down");
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("platform " + method + " answered HTTP " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("platform " + method + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private synchronized String token() {
        if (token == null || !clock.instant().isBefore(tokenExpires)) {
            return refreshToken();
        }
        return token;
    }

    private synchronized String refreshToken() {
        try {
            String form = "client_id=" + URLEncoder.encode(properties.appKey(), StandardCharsets.UTF_8) + "&client_secret="
                    + URLEncoder.encode(properties.appSecret(), StandardCharsets.UTF_8) + "&grant_type=client_credentials";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/accessToken"))
                    .timeout(properties.timeout()).header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("platform token endpoint answered HTTP " + response.statusCode());
            }
            JsonNode answer = json.readTree(response.body());
            String fresh = answer.path("access_token").asText(null);
            if (fresh == null || fresh.isBlank()) {
                throw new PlatformRefused("token", answer.path("error_description").asText("no access token"));
            }
            token = fresh;
            // renew a little early (a minute at most), so a call rarely leaves with a token about to expire
            long lifetime = answer.path("expires_in").asLong(86_400);
            tokenExpires = clock.instant().plusSeconds(lifetime - Math.min(60, lifetime / 10));
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("platform token endpoint unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String baseUrl() {
        if (properties.baseUrl() != null && !properties.baseUrl().isBlank()) {
            return properties.baseUrl().replaceAll("/+$", "");
        }
        PlatformEndpoint local = endpoint.getIfAvailable();
        if (local == null) {
            throw new IllegalStateException("fapiaoflow.platform.base-url is not configured");
        }
        return local.baseUrl();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
