package dev.fapiaoflow.buyer;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.shared.Texts;

/** Title auto-completion for the apply form and the titles page (docs/api.md "Title auto-completion"). */
@RestController
@RequestMapping("/api/buyer-titles")
@PreAuthorize("hasAuthority('" + Groups.CUSTOMER + "')")
class TitleSuggestionController {

    private final TitleSuggestionService suggestions;

    TitleSuggestionController(TitleSuggestionService suggestions) {
        this.suggestions = suggestions;
    }

    @GetMapping("/suggestions")
    TitleSuggestions suggestions(@RequestParam(required = false) String q, Authentication user) {
        return suggestions.suggest(user.getName(), q);
    }

    @GetMapping("/companies/{code}")
    TitleSuggestion company(@PathVariable String code, Authentication user) {
        return suggestions.company(user.getName(), code);
    }

    @ExceptionHandler(TitleSuggestionsRateLimited.class)
    ResponseEntity<ProblemDetail> rateLimited(TitleSuggestionsRateLimited e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                Texts.of("titles.suggest.rateLimited.detail", e.retryAfterSeconds()));
        problem.setTitle(Texts.of("titles.suggest.rateLimited.title"));
        problem.setType(URI.create("https://fapiaoflow.dev/problems/rate-limited"));
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(problem);
    }
}
