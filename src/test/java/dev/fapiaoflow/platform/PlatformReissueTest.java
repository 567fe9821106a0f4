package dev.fapiaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.issuance.IssuerSelection;
import dev.fapiaoflow.issuance.RedLetterReason;
import dev.fapiaoflow.platform.internal.PlatformSimulator;
import dev.fapiaoflow.platform.internal.SimulatorFaults;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.PlatformModeTest;

/**
 * The corrected re-issue (the dispute flow's {@code reissueFor}) of an invoice the platform issued goes through the
 * platform too: its number, its PDF and OFD, one invoice per original however often the step runs.
 */
class PlatformReissueTest extends PlatformModeTest {

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
    void theReissueOfAPlatformInvoiceIsNumberedAndRenderedByThePlatformOnce() {
        long original = redFlushedPlatformInvoice("159.00");

        long reissued = issuance.reissueFor(original);
        long again = issuance.reissueFor(original);

        assertThat(again).isEqualTo(reissued);
        var facts = issuance.facts(reissued).orElseThrow();
        assertThat(facts.number()).matches("\\d{2}118\\d{15}");
        assertThat(facts.totalAmount()).isEqualByComparingTo("159.00");
        assertThat(jdbc.queryForObject("select replaces_invoice_id from invoice where id = ?", Long.class, reissued)).isEqualTo(original);
        assertThat(issuance.pdf(reissued)).get().satisfies(pdf -> assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-"));
        assertThat(jdbc.queryForList("select format from invoice_document where invoice_id = ? order by format", String.class, reissued))
                .containsExactly("OFD", "PDF");
        assertThat(simulator.invoicesFor("FFX" + original)).isEqualTo(1);

        long red = issuance.redLetter(reissued, RedLetterReason.ISSUED_IN_ERROR, "manager");
        assertThat(issuance.facts(red).orElseThrow().number()).as("the re-issue is reversed on the platform too")
                .matches("\\d{2}118\\d{15}");
    }

    @Test
    void aServerErrorAfterThePlatformIssuedTheReissueLeadsToNoSecondInvoice() {
        long original = redFlushedPlatformInvoice("53.00");
        simulator.faults(new SimulatorFaults(0, Duration.ZERO, 0, 1.0, 0, Duration.ZERO, 0, 0, 0, 0, Duration.ofHours(24)));
        simulator.resetStats();

        Throwable failed = catchThrowable(() -> issuance.reissueFor(original));
        assertThat(failed).as("the step fails, so the engine retries").isInstanceOf(IllegalStateException.class);
        assertThat(simulator.stats()).containsEntry("5xx after issuing", 1L);
        assertThat(jdbc.queryForObject("select count(*) from invoice where replaces_invoice_id = ?", Integer.class, original)).isZero();

        long reissued = issuance.reissueFor(original);

        assertThat(simulator.invoicesFor("FFX" + original)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from invoice where replaces_invoice_id = ?", Integer.class, original)).isEqualTo(1);
        assertThat(issuance.facts(reissued).orElseThrow().number()).matches("\\d{2}118\\d{15}");
    }

    private long redFlushedPlatformInvoice(String amount) {
        long original = new IssuedInvoices(this::client).forAlice(amount).get("id").asLong();
        issuance.redLetter(original, RedLetterReason.ISSUED_IN_ERROR, "manager");
        return original;
    }
}
