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

    /** an invoice of a request delivered by post: printed on paper (数电纸质发票) */
    private long issuedPaperInvoice(InvoiceType type, String gross) {
        long request = REQUEST_IDS.incrementAndGet();
        drafts.register(new InvoiceDraft(request, "acme", type, Drafts.acme(),
                List.of(Drafts.line("Python 入门课", "TRAINING", "1", gross)), "订单号 SO-2026-0001", true));
        return issuance.issueFor(request).get(0);
    }

    private String mediumAndLine(long invoiceId) {
        return jdbc.queryForObject("select medium || ' ' || invoice_line from invoice where id = ?", String.class, invoiceId);
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
    void anElectronicInvoiceIsNeverVoidedEvenInItsMonthOfIssue() {
        long electronic = issuedInvoice("300.00");

        assertThat(mediumAndLine(electronic)).isEqualTo("ELECTRONIC pc");
        assertThat(issuance.voidable(electronic)).isFalse();
        assertThatThrownBy(() -> issuance.voidInvoice(electronic, "service", "抬头错误")).isInstanceOf(IllegalStateException.class);
        assertThat(issuance.facts(electronic).orElseThrow().status()).isEqualTo(InvoiceStatus.ISSUED);
    }

    @Test
    void aPaperInvoiceOfAnEarlierMonthOrAlreadyReceivedIsNotVoidable() {
        long lastMonth = issuedPaperInvoice(InvoiceType.NORMAL, "300.00");
        jdbc.update("update invoice set issue_date = ? where id = ?",
                issuance.facts(lastMonth).orElseThrow().issueDate().minusMonths(1), lastMonth);
        assertThat(issuance.voidable(lastMonth)).isFalse();

        long received = issuedPaperInvoice(InvoiceType.NORMAL, "300.00");
        assertThat(issuance.voidable(received)).isTrue();
        issuance.markDelivered(issuance.facts(received).orElseThrow().requestId(), "customer");
        assertThat(issuance.voidable(received)).as("the buyer has it").isFalse();
    }

    @Test
    void aRedLetterInvoiceIsOfItsBlueInvoicesKindAndACorrectionIsMailedSoElectronic() {
        long paperSpecial = issuedPaperInvoice(InvoiceType.SPECIAL, "600.00");
        long paperOrdinary = issuedPaperInvoice(InvoiceType.NORMAL, "600.00");
        long electronic = issuedInvoice("600.00");
        assertThat(mediumAndLine(paperSpecial)).isEqualTo("PAPER es");
        assertThat(mediumAndLine(paperOrdinary)).isEqualTo("PAPER ec");

        assertThat(mediumAndLine(issuance.redLetter(paperSpecial, RedLetterReason.ISSUED_IN_ERROR, "service"))).isEqualTo("PAPER es");
        assertThat(mediumAndLine(issuance.partialRedLetter(paperOrdinary, new BigDecimal("100.00"), RedLetterReason.SALES_RETURN,
                "reviewer"))).isEqualTo("PAPER ec");
        assertThat(mediumAndLine(issuance.redLetter(electronic, RedLetterReason.ISSUED_IN_ERROR, "service"))).isEqualTo("ELECTRONIC pc");
        assertThat(mediumAndLine(issuance.reissue(paperSpecial, Drafts.acme()))).isEqualTo("ELECTRONIC bs");
    }

    @Test
    void aPaperInvoiceOfThisMonthIsVoidedOnceAndThenReissued() {
        long original = issuedPaperInvoice(InvoiceType.NORMAL, "300.00");
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
