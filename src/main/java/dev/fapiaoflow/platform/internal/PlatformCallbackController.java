package dev.fapiaoflow.platform.internal;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.fapiaoflow.platform.PlatformRefused;
import dev.fapiaoflow.platform.PlatformClient;
import dev.fapiaoflow.platform.PlatformResult;
import dev.fapiaoflow.platform.PlatformResultReceived;
import dev.fapiaoflow.platform.PlatformSubmissions;

/**
 * The platform's result callback (开票结果回调), as Nuonuo documents it: a form POST with {@code operater=callback},
 * {@code orderno} and {@code content} (see {@link NuonuoMessages#callbackOf}). The documented callback carries no
 * signature, so anyone can send one: it is only a hint. For a serial we submitted whose result is not final yet, we
 * ask the platform ({@code queryInvoiceResult}, through the client and its rate limiter) and keep what the query
 * answers; what the callback itself claims is never stored. An unknown serial, or one already issued, is answered
 * like any other without effect (and without spending a query), and so is a repeat about the same serial within the
 * query interval ({@link CallbackQueryDebounce}). A changed answer is announced as
 * {@link PlatformResultReceived}, which wakes the waiting process at once instead of at the next poll.
 * <p>
 * It exists only in platform mode ({@code fapiaoflow.seller.issuing=platform}): issuing locally, the path answers 404.
 */
@RestController
@ConditionalOnProperty(name = "fapiaoflow.seller.issuing", havingValue = "platform")
class PlatformCallbackController {

    static final String PATH = "/api/platform/callback";
    private static final Logger log = LoggerFactory.getLogger(PlatformCallbackController.class);

    private final PlatformClient platform;
    private final PlatformSubmissions submissions;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final CallbackQueryDebounce debounce;

    PlatformCallbackController(PlatformClient platform, PlatformSubmissions submissions, ApplicationEventPublisher events,
            ObjectMapper json, PlatformProperties properties) {
        this.platform = platform;
        this.submissions = submissions;
        this.events = events;
        this.json = json;
        this.debounce = new CallbackQueryDebounce(properties.callbackQueryInterval());
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> callback(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
        Optional<NuonuoMessages.CallbackHint> read = NuonuoMessages.callbackOf(form.getFirst("operater"),
                form.getFirst("orderno"), content(form.getFirst("content")));
        if (read.isEmpty()) {
            log.warn("Refused a platform callback from {}: not a result callback (operater=callback and orderno needed)",
                    request.getRemoteAddr());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "not a result callback: operater=callback and an orderno of at most 20 letters, digits, - or _ are required");
            return ResponseEntity.badRequest().body(problem);
        }
        NuonuoMessages.CallbackHint hint = read.get();
        String serial = hint.serial();
        Optional<PlatformResult> before = platform.knownResult(serial);
        if (!submissions.submitted(serial) && before.isEmpty()) {
            log.warn("Platform callback from {} about serial {} that we never submitted: ignored", request.getRemoteAddr(), serial);
            return ResponseEntity.ok(NuonuoMessages.CALLBACK_ACK);
        }
        if (before.map(PlatformResult::issued).orElse(false)) {
            return ResponseEntity.ok(NuonuoMessages.CALLBACK_ACK); // final: a repeat changes nothing, no query spent
        }
        if (!debounce.mayQuery(serial)) {
            log.info("Platform callback for {} from {} within the query interval of the last one: no query", serial,
                    request.getRemoteAddr());
            return ResponseEntity.ok(NuonuoMessages.CALLBACK_ACK);
        }
        PlatformResult answered;
        try {
            answered = platform.find(serial).orElse(null);
        } catch (IllegalStateException | PlatformRefused e) { // PlatformBusy is one too
            debounce.forget(serial);
            // the platform sends the callback again, and the poll finds the result anyway
            log.info("Platform callback for {}: the query could not be made now ({})", serial, e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "try again later"));
        }
        log.info("Platform callback for {} claimed status {} number {}; the platform's query says {}", serial,
                hint.claimedStatus(), hint.claimedNumber(), answered == null ? "unknown" : answered.status());
        // only a final answer is worth waking the process for; "still processing" leaves it to its poll
        if (answered != null && answered.status() != PlatformResult.Status.PROCESSING
                && before.map(PlatformResult::status).orElse(null) != answered.status()) {
            events.publishEvent(new PlatformResultReceived(serial, answered.status()));
        }
        return ResponseEntity.ok(NuonuoMessages.CALLBACK_ACK);
    }

    /** the callback's content is untrusted and only read for the order number when {@code orderno} is missing */
    private JsonNode content(String content) {
        if (content == null || content.isBlank()) {
            return null;
        }
        try {
            return json.readTree(content);
        } catch (Exception e) {
            return null;
        }
    }
}
