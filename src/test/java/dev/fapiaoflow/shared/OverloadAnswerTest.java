package dev.fapiaoflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class OverloadAnswerTest {

    @Test
    void anOverloadIsAnswered503WithRetryAfterInWholeSeconds() {
        ResponseEntity<ProblemDetail> answer = new ApiExceptionHandler().overloaded(new OverloadedException("busy", Duration.ofMillis(2500)));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(answer.getBody().getType().toString()).isEqualTo("https://fapiaoflow.dev/problems/overloaded");
        assertThat(answer.getBody().getProperties()).containsEntry("retryAfterSeconds", 2L);
    }
}
