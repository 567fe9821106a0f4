package dev.fapiaoflow.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.fapiaoflow.platform.PlatformClient;
import dev.fapiaoflow.platform.PlatformResult;
import dev.fapiaoflow.platform.PlatformResultReceived;

/**
 * The platform's asynchronous callback. Not a user's call: it is authenticated by its signature (HmacSHA1 with our app
 * secret over {@code a=callback&k&n&t&f=<body>}) and a timestamp no older than {@code callback-max-age}. A bad one is
 * refused with 401 and logged; a good one is kept (a final ISSUED answer is never overwritten, so a repeated, late or
 * out-of-order callback changes nothing) and announced as {@link PlatformResultReceived}.
 * <p>
 * It exists only in platform mode ({@code fapiaoflow.seller.issuing=platform}, where {@link PlatformAccountCheck} has
 * made sure there is a secret of our own to check against): issuing locally, the path answers 404.
 */
@RestController
@ConditionalOnProperty(name = "fapiaoflow.seller.issuing", havingValue = "platform")
class PlatformCallbackController {

    static final String PATH = "/api/platform/callback";
    private static final Logger log = LoggerFactory.getLogger(PlatformCallbackController.class);

    private final PlatformProperties properties;
    private final PlatformResults results;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    PlatformCallbackController(PlatformProperties properties, PlatformResults results, ApplicationEventPublisher events,
            ObjectMapper json, ObjectProvider<Clock> clock) {
        this.properties = properties;
        this.results = results;
        this.events = events;
        this.json = json;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @PostMapping(PATH)
    ResponseEntity<?> callback(@RequestBody String body, @RequestHeader(name = "X-Nuonuo-Sign", required = false) String sign,
            @RequestHeader(name = "X-Nuonuo-Nonce", required = false) String nonce,
            @RequestHeader(name = "X-Nuonuo-Timestamp", required = false) String timestamp, HttpServletRequest request) {
        if (nonce == null || timestamp == null || !fresh(timestamp) || !PlatformSigner.matches(properties.appSecret(),
                PlatformSigner.callbackCanonical(properties.appKey(), nonce, timestamp, body), sign)) {
            log.warn("Refused a platform callback from {}: bad or missing signature or stale timestamp", request.getRemoteAddr());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "callback signature refused");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        PlatformResult result;
        try {
            JsonNode item = json.readTree(body);
            result = PlatformClient.resultOf(item);
            if (result.serial() == null || result.serial().isBlank()) {
                throw new IllegalArgumentException("no orderNo");
            }
        } catch (Exception e) {
            log.warn("Refused a signed platform callback that is not a result: {}", e.getMessage());
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "not a result"));
        }
        if (results.record(result)) {
            log.info("Platform callback: serial {} is {}", result.serial(), result.status());
            events.publishEvent(new PlatformResultReceived(result.serial(), result.status()));
        }
        return ResponseEntity.ok(Map.of("status", "0000", "message", "成功"));
    }

    private boolean fresh(String timestamp) {
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            return Duration.between(sent, clock.instant()).abs().compareTo(properties.callbackMaxAge()) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
