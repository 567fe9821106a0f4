package dev.fapiaoflow.platform;

import java.io.IOException;
import java.math.BigDecimal;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.fapiaoflow.platform.internal.PlatformProperties;
import dev.fapiaoflow.platform.internal.PlatformResults;
import dev.fapiaoflow.platform.internal.PlatformSigner;
import dev.fapiaoflow.platform.internal.PlatformSimulator;

/**
 * Calls the e-invoice platform in the shape of Nuonuo's open API: {@code POST <base>/open/v1/services?senid&nonce&timestamp&appkey}
 * with the JSON content as body and headers {@code X-Nuonuo-Sign} (see {@link PlatformSigner}), {@code accessToken},
 * {@code userTax} and {@code method}. The access token is fetched from {@code <base>/accessToken}, kept until it
 * expires and fetched again when the platform says it expired. A 5xx, timeout or broken connection is thrown as
 * {@link IllegalStateException} for the caller (a job) to retry; a business refusal as {@link PlatformRefused}.
 */
@Service
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformClient {

    public static final String METHOD_ISSUE = "nuonuo.OpeMplatform.requestBillingNew";
    public static final String METHOD_QUERY = "nuonuo.OpeMplatform.queryInvoiceResult";
    public static final String METHOD_RED_CONFIRM = "nuonuo.OpeMplatform.saveInvoiceRedConfirm";
    public static final String METHOD_RED = "nuonuo.OpeMplatform.fastInvoiceRed";
    public static final String METHOD_VOID = "nuonuo.OpeMplatform.invoiceCancellation";
    public static final String OK = "E0000";
    /** "订单编号重复": the serial is known already; the answer to a repeat is a query, never a second invoice */
    public static final String DUPLICATE_SERIAL = "E9106";
    public static final String TOKEN_EXPIRED = "070301";
    public static final String BAD_SIGNATURE = "E1001";

    private static final Logger log = LoggerFactory.getLogger(PlatformClient.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** what the platform made of an issue or red-flush call */
    public enum Submission { ACCEPTED, DUPLICATE }

    private final PlatformProperties properties;
    private final ObjectProvider<PlatformSimulator> simulator;
    private final PlatformResults results;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    PlatformClient(PlatformProperties properties, ObjectProvider<PlatformSimulator> simulator, PlatformResults results,
            ObjectMapper json, ObjectProvider<Clock> clock) {
        this.properties = properties;
        this.simulator = simulator;
        this.results = results;
        this.json = json;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Asks the platform to issue the invoice; a repeat of a known serial answers {@link Submission#DUPLICATE}. */
    public Submission issue(PlatformOrder order) {
        Map<String, Object> content = Map.of("order", orderContent(order));
        JsonNode answer = call(METHOD_ISSUE, content);
        return submission(answer, order.serial());
    }

    /** The platform's current answer for the serial, which is also kept (see {@link #knownResult}). */
    public PlatformResult query(String serial) {
        return find(serial).orElseGet(() -> new PlatformResult(serial, PlatformResult.Status.PROCESSING, null, null, null, null,
                null, "unknown to the platform yet"));
    }

    /** The platform's answer for the serial, kept as {@link #query} does; empty when the platform never heard of it. */
    public Optional<PlatformResult> find(String serial) {
        JsonNode answer = call(METHOD_QUERY, Map.of("orderNos", List.of(serial), "isOfferInvoiceDetail", "0"));
        requireOk(answer);
        for (JsonNode item : answer.path("result")) {
            if (serial.equals(item.path("orderNo").asText())) {
                PlatformResult result = resultOf(item);
                results.record(result);
                return Optional.of(result);
            }
        }
        return Optional.empty();
    }

    /** What a callback or an earlier query told us about the serial, without asking the platform. */
    public Optional<PlatformResult> knownResult(String serial) {
        return results.known(serial);
    }

    /**
     * Files the red-letter confirmation (红字确认单) a fully digital invoice needs before it can be reversed;
     * returns its number for {@link #redFlush}.
     */
    public String redLetterConfirmation(String blueInvoiceNumber, BigDecimal grossAmount, String reasonCode) {
        JsonNode answer = call(METHOD_RED_CONFIRM, Map.of("blueInvoiceNumber", blueInvoiceNumber,
                "amount", grossAmount.toPlainString(), "redReason", reasonCode));
        requireOk(answer);
        return answer.path("result").path("billNo").asText();
    }

    /** Issues the red-letter invoice under our serial; it arrives asynchronously like a blue one. */
    public Submission redFlush(String serial, String blueInvoiceNumber, String confirmationNo) {
        JsonNode answer = call(METHOD_RED, Map.of("orderNo", serial, "invoiceNumber", blueInvoiceNumber, "billNo", confirmationNo));
        return submission(answer, serial);
    }

    /** Voids (作废) an invoice the platform issued. */
    public void voidInvoice(String invoiceNumber) {
        requireOk(call(METHOD_VOID, Map.of("invoiceNumber", invoiceNumber)));
    }

    /** A document the platform links to (PDF or OFD). */
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

    public Duration pollInterval() {
        return properties.pollInterval();
    }

    public Duration giveUpAfter() {
        return properties.giveUpAfter();
    }

    public int maxDailyAttempts() {
        return properties.maxDailyAttempts();
    }

    private Submission submission(JsonNode answer, String serial) {
        String code = answer.path("code").asText();
        if (DUPLICATE_SERIAL.equals(code)) {
            log.info("Platform knows serial {} already; querying instead of issuing again", serial);
            return Submission.DUPLICATE;
        }
        requireOk(answer);
        return Submission.ACCEPTED;
    }

    private static void requireOk(JsonNode answer) {
        String code = answer.path("code").asText();
        if (!OK.equals(code)) {
            throw new PlatformRefused(code, answer.path("describe").asText());
        }
    }

    private Map<String, Object> orderContent(PlatformOrder order) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("orderNo", order.serial());
        content.put("invoiceType", order.invoiceType());
        content.put("buyerName", order.buyerName());
        content.put("buyerTaxNum", order.buyerTaxId() == null ? "" : order.buyerTaxId());
        content.put("remark", order.remarks() == null ? "" : order.remarks());
        content.put("totalAmount", order.totalAmount().toPlainString());
        content.put("invoiceDetail", order.lines().stream().map(line -> Map.of(
                "goodsName", line.goodsName(), "num", line.quantity().toPlainString(), "taxRate", line.taxRate().toPlainString(),
                "taxExcludedAmount", line.netAmount().toPlainString(), "tax", line.taxAmount().toPlainString(),
                "taxIncludedAmount", line.grossAmount().toPlainString())).toList());
        return content;
    }

    /** One item of a query answer or a callback body. */
    public static PlatformResult resultOf(JsonNode item) {
        String status = item.path("status").asText();
        PlatformResult.Status mapped = switch (status) {
            case "2" -> PlatformResult.Status.ISSUED;
            case "22", "24" -> PlatformResult.Status.FAILED;
            default -> PlatformResult.Status.PROCESSING;
        };
        String total = item.path("orderAmount").asText(null);
        long time = item.path("invoiceTime").asLong(0);
        return new PlatformResult(item.path("orderNo").asText(), mapped, text(item, "allElectronicInvoiceNumber"),
                text(item, "pdfUrl"), text(item, "ofdUrl"), total == null || total.isBlank() ? null : new BigDecimal(total),
                time == 0 ? null : Instant.ofEpochMilli(time), text(item, "failCause"));
    }

    private static String text(JsonNode item, String field) {
        String value = item.path(field).asText(null);
        return value == null || value.isBlank() ? null : value;
    }

    private JsonNode call(String method, Object content) {
        JsonNode answer = callWithToken(method, content, token());
        if (TOKEN_EXPIRED.equals(answer.path("code").asText())) {
            log.info("Platform access token expired; fetching a new one");
            answer = callWithToken(method, content, refreshToken());
        }
        return answer;
    }

    private JsonNode callWithToken(String method, Object content, String accessToken) {
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
                    .header("userTax", properties.userTax() == null ? "" : properties.userTax()).header("method", method)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
        PlatformSimulator sim = simulator.getIfAvailable();
        if (sim == null) {
            throw new IllegalStateException("fapiaoflow.platform.base-url is not configured");
        }
        return sim.baseUrl();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
