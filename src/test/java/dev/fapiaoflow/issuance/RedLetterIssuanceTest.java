package dev.fapiaoflow.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerType;

/** Red-letter, partial red-letter, re-issue and voiding through {@link IssuanceService}, on issuance's own context. */
@IssuanceSpringTest
class RedLetterIssuanceTest {

    private static final AtomicLong REQUEST_IDS = new AtomicLong(5000);

    @Autowired
    IssuanceService issuance;
    @Autowired
    FakeDraftSource drafts;
    @Autowired
    JdbcTemplate jdbc;

    private long issuedInvoice(String gross) {
        long request = REQUEST_IDS.incrementAndGet();
        drafts.register(Drafts.draft(request, "acme", Drafts.acme(), Drafts.line("Python 入门课", "TRAINING", "1", gross)));
        return issuance.issueFor(request).get(0);
    }

    @Test
    void redLetterAndReissueTakeTheNextNumbersOfTheSameGapFreeSequence() {
        long original = issuedInvoice("1999.00");
        String originalNumber = issuance.facts(original).orElseThrow().number();

        long red = issuance.redLetter(original, RedLetterReason.ISSUED_IN_ERROR, "service");
        long reissued = issuance.reissue(original, new BuyerDetails(BuyerType.ENTERPRISE, "北京某某科技股份有限公司",
                Drafts.ACME_TAX_ID, null, null, null, null, null, null));

        String prefix = originalNumber.substring(0, 5);
        long originalSequence = Long.parseLong(originalNumber.substring(5));
        assertThat(issuance.facts(red).orElseThrow().number()).isEqualTo(prefix + "%015d".formatted(originalSequence + 1));
        assertThat(issuance.facts(reissued).orElseThrow().number()).isEqualTo(prefix + "%015d".formatted(originalSequence + 2));
        List<Long> sequences = jdbc.queryForList("select number from invoice where number like ?", String.class, prefix + "%")
                .stream().map(number -> Long.parseLong(number.substring(5))).sorted().toList();
        assertThat(sequences).as("every number of the prefix, blue and red, without a gap")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, sequences.size()).boxed().toList());
    }

    @Test
    void theOriginalIsRedFlushedAndRepeatingReturnsTheSameRedLetterInvoice() {
        long original = issuedInvoice("500.00");
        long red = issuance.redLetter(original, RedLetterReason.ISSUED_IN_ERROR, "service");

        InvoiceFacts flushed = issuance.facts(original).orElseThrow();
        InvoiceFacts reversal = issuance.facts(red).orElseThrow();
        assertThat(flushed.status()).isEqualTo(InvoiceStatus.RED_FLUSHED);
        assertThat(reversal.kind()).isEqualTo(InvoiceKind.RED);
        assertThat(reversal.totalAmount()).isEqualByComparingTo("-500.00");
        assertThat(reversal.originalInvoiceId()).isEqualTo(original);
        assertThat(issuance.pdf(red)).isPresent();
        assertThat(issuance.redLetter(original, RedLetterReason.ISSUED_IN_ERROR, "service")).isEqualTo(red);
        assertThat(issuance.reversibleInvoicesOfRequest(flushed.requestId())).isEmpty();
    }

    @Test
    void partialRedLettersAddUpToTheWholeInvoice() {
        long original = issuedInvoice("1000.00");
        long requestId = issuance.facts(original).orElseThrow().requestId();

        issuance.partialRedLetter(original, new BigDecimal("250.00"), RedLetterReason.SALES_RETURN, "reviewer");
        assertThat(issuance.facts(original).orElseThrow().status()).isEqualTo(InvoiceStatus.PARTIALLY_RED_FLUSHED);
        assertThat(issuance.reversibleInvoicesOfRequest(requestId)).singleElement()
                .satisfies(left -> assertThat(left.remaining()).isEqualByComparingTo("750.00"));
        assertThatThrownBy(() -> issuance.partialRedLetter(original, new BigDecimal("750.01"), RedLetterReason.SALES_RETURN,
                "reviewer")).isInstanceOf(IllegalStateException.class);

        long rest = issuance.redLetter(original, RedLetterReason.SALES_RETURN, "reviewer");
        assertThat(issuance.facts(rest).orElseThrow().totalAmount()).isEqualByComparingTo("-750.00");
        assertThat(issuance.facts(original).orElseThrow().status()).isEqualTo(InvoiceStatus.RED_FLUSHED);
    }

    @Test
    void anInvoiceOfThisMonthIsVoidedOnceAndThenReissued() {
        long original = issuedInvoice("300.00");
        assertThat(issuance.voidable(original)).isTrue();
        assertThatThrownBy(() -> issuance.reissue(original, Drafts.acme())).as("it still stands")
                .isInstanceOf(IllegalArgumentException.class);

        issuance.voidInvoice(original, "service", "抬头错误");
        assertThat(issuance.facts(original).orElseThrow().status()).isEqualTo(InvoiceStatus.VOIDED);
        assertThat(issuance.voidable(original)).isFalse();
        assertThatThrownBy(() -> issuance.voidInvoice(original, "service", "again")).isInstanceOf(IllegalStateException.class);

        long reissued = issuance.reissue(original, Drafts.acme());
        assertThat(issuance.reissue(original, Drafts.acme())).as("a repeated step").isEqualTo(reissued);
        assertThat(issuance.replacementOf(original)).contains(reissued);
        assertThat(issuance.facts(reissued).orElseThrow().replacesInvoiceId()).isEqualTo(original);
    }
}
