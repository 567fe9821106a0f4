package dev.fapiaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.issuance.IssuerSelection;
import dev.fapiaoflow.issuance.RedLetterReason;
import dev.fapiaoflow.platform.internal.PlatformSimulator;
import dev.fapiaoflow.platform.internal.SimulatorFaults;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.PlatformModeTest;
import dev.fapiaoflow.support.Requests;
import dev.fapiaoflow.support.Waiting;

/**
 * What the law allows per invoice kind, in platform mode against the strict simulator: a request delivered by post
 * is issued as 数电纸质发票 (es/ec) and recorded as paper; an electronic invoice is never voided; each red-letter
 * invoice is of its blue invoice's kind, a paper one's asked for with fastInvoiceRed after its confirmation.
 */
class PlatformCorrectionByKindTest extends PlatformModeTest {

    @Autowired
    IssuerSelection issuers;
    @Autowired
    PlatformSimulator simulator;
    @Autowired
    IssuanceService issuance;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void issueThroughThePlatform() {
        issuers.use(IssuerSelection.PLATFORM);
        simulator.faults(SimulatorFaults.none());
    }

    @AfterEach
    void noMoreFaults() {
        simulator.faults(SimulatorFaults.none());
    }

    @Test
    void anElectronicPlatformInvoiceIsNeverVoidedAndItsRedLetterIsElectronicToo() {
        long blue = new IssuedInvoices(this::client).forAlice("128.00").get("id").asLong();
        assertThat(mediumAndLine(blue)).isEqualTo("ELECTRONIC pc");

        assertThat(issuance.voidable(blue)).isFalse();
        assertThat(catchThrowable(() -> issuance.voidInvoice(blue, "manager", "抬头错误"))).isInstanceOf(IllegalStateException.class);

        long red = issuance.redLetter(blue, RedLetterReason.ISSUED_IN_ERROR, "manager");
        assertThat(mediumAndLine(red)).isEqualTo("ELECTRONIC pc");
        assertThat(simulator.invoiceLineOf(issuance.facts(red).orElseThrow().number())).isEqualTo("pc");
    }

    @Test
    void aRequestDeliveredByPostIsIssuedAsAPaperInvoiceWhoseRedLetterIsOfThePaperKind() {
        long blue = postedSpecialInvoice("900.00");
        String blueNumber = issuance.facts(blue).orElseThrow().number();
        assertThat(mediumAndLine(blue)).isEqualTo("PAPER es");
        assertThat(simulator.invoiceLineOf(blueNumber)).as("what the platform issued").isEqualTo("es");

        long red = issuance.redLetter(blue, RedLetterReason.ISSUED_IN_ERROR, "manager");

        assertThat(mediumAndLine(red)).isEqualTo("PAPER es");
        assertThat(simulator.invoiceLineOf(issuance.facts(red).orElseThrow().number())).isEqualTo("es");
        assertThat(issuance.facts(red).orElseThrow().totalAmount()).isEqualByComparingTo("-900.00");
    }

    private long postedSpecialInvoice(String price) {
        String orderNo = Orders.newOrderNo();
        client("shop").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Orders.paidTrainingOrder("acme", orderNo, price)).retrieve().toBodilessEntity();
        String location = client("acme").post().uri("/api/invoice-requests").contentType(MediaType.APPLICATION_JSON)
                .body(Requests.acmeSpecialByPost(List.of(orderNo))).retrieve().toEntity(JsonNode.class)
                .getHeaders().getLocation().toString();
        IssuedInvoices invoices = new IssuedInvoices(this::client);
        invoices.awaitStatus("acme", location, "IN_REVIEW");
        long requestId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        JsonNode tasks = Waiting.until("the special invoice's review", Duration.ofSeconds(20),
                () -> client("admin").get().uri("/engine-rest/engine/platformTests/task?processInstanceBusinessKey={key}&taskDefinitionKey=ReviewSpecialVat",
                        requestId).retrieve().body(JsonNode.class), found -> found != null && found.size() == 1);
        client("reviewer").post().uri("/engine-rest/engine/platformTests/task/{id}/complete", tasks.get(0).get("id").asText())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("decision", Map.of("value", "approve")))).retrieve().toBodilessEntity();
        return invoices.awaitStatus("acme", location, "ISSUED").get("invoices").get(0).get("id").asLong();
    }

    private String mediumAndLine(long invoiceId) {
        return jdbc.queryForObject("select medium || ' ' || invoice_line from invoice where id = ?", String.class, invoiceId);
    }
}
