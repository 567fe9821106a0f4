package dev.fapiaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import dev.fapiaoflow.issuance.IssuerSelection;
import dev.fapiaoflow.support.SpringTestBase;

/** Issuing locally (the shared test context, like the embedded default), the platform's door does not exist. */
class LocalIssuingHasNoPlatformTest extends SpringTestBase {

    @Autowired
    IssuerSelection issuers;

    @Test
    void theDocumentedResultCallbackAnswersNotFound() {
        RestClient anonymous = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();

        var answer = anonymous.post().uri("/api/platform/callback").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("operater=callback&orderno=FF999998P1&content=" + java.net.URLEncoder.encode(
                        "{\"c_orderno\":\"FF999998P1\",\"c_status\":\"1\",\"c_fphm\":\"26118000000000099998\"}",
                        java.nio.charset.StandardCharsets.UTF_8))
                .retrieve().toEntity(String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anApplicationStartedLocalCannotBeSwitchedToThePlatform() {
        assertThatThrownBy(() -> issuers.use(IssuerSelection.PLATFORM)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fapiaoflow.seller.issuing=platform");
        assertThat(issuers.current()).isEqualTo(IssuerSelection.LOCAL);
    }
}
