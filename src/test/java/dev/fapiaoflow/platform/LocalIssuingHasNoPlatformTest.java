package dev.fapiaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import dev.fapiaoflow.issuance.IssuerSelection;
import dev.fapiaoflow.platform.internal.PlatformSigner;
import dev.fapiaoflow.support.SpringTestBase;

/** Issuing locally (the shared test context, like the embedded default), the platform's door does not exist. */
class LocalIssuingHasNoPlatformTest extends SpringTestBase {

    @Autowired
    IssuerSelection issuers;

    @Test
    void theCallbackAnswersNotFoundEvenSignedWithTheSimulatorsOldDefaultSecret() {
        String body = "{\"orderNo\":\"FF999998P1\",\"status\":\"2\",\"allElectronicInvoiceNumber\":\"26118000000000099998\"}";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        RestClient anonymous = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();

        var answer = anonymous.post().uri("/api/platform/callback").contentType(MediaType.APPLICATION_JSON)
                .header("X-Nuonuo-Sign", PlatformSigner.sign("sim-app-secret", PlatformSigner.callbackCanonical("sim-app-key", "1", timestamp, body)))
                .header("X-Nuonuo-Nonce", "1").header("X-Nuonuo-Timestamp", timestamp).body(body).retrieve().toEntity(String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anApplicationStartedLocalCannotBeSwitchedToThePlatform() {
        assertThatThrownBy(() -> issuers.use(IssuerSelection.PLATFORM)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fapiaoflow.seller.issuing=platform");
        assertThat(issuers.current()).isEqualTo(IssuerSelection.LOCAL);
    }
}
