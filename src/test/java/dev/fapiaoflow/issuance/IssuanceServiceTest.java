package dev.fapiaoflow.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IssuanceSpringTest
class IssuanceServiceTest {

    /** Request ids unique within the shared context, so tests do not see each other's invoices. */
    private static final AtomicLong REQUEST_IDS = new AtomicLong(1000);

    @Autowired
    IssuanceService issuance;
    @Autowired
    FakeDraftSource drafts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void issuesOneInvoiceForARequestBelowTheLimit() {
        long request = register("acme", Drafts.pythonCourse(), Drafts.line("Java 核心技术", "BOOK", "2", "218.00"));

        List<Long> ids = issuance.issueFor(request);

        assertThat(ids).hasSize(1);
        assertThat(drafts.reportedFor(request)).isEqualTo(ids);
        InvoiceSummary invoice = issuance.invoicesOfRequest(request).get(0);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.totalAmount()).isEqualTo("2217.00");
        assertThat(invoice.taxAmount()).isEqualTo("131.15");
        assertThat(invoice.number()).hasSize(20).matches("\\d{2}110\\d{15}");
    }

    @Test
    void aPdfAskedForBeforeTheDocumentsStepRanIsMadeOnTheSpotAndTheStepThenAddsNothing() {
        long request = register("acme", Drafts.pythonCourse());
        assertThat(issuance.startIssuing(request).awaitingPlatform()).isFalse();
        long invoice = issuance.invoicesOfRequest(request).get(0).id();
        assertThat(documentsOf(invoice)).as("numbered, documents not yet").isZero();

        // as a download would, inside a read-only transaction
        var readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        byte[] pdf = readOnly.execute(status -> issuance.pdf(invoice).orElseThrow());
        issuance.storeDocuments(request);

        assertThat(pdf).startsWith("%PDF".getBytes());
        assertThat(documentsOf(invoice)).isEqualTo(1);
        assertThat(issuance.pdf(invoice).orElseThrow()).isEqualTo(pdf);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM document_ledger WHERE invoice_id = ?", Long.class, invoice))
                .as("chained once").isEqualTo(1);
    }

    private long documentsOf(long invoice) {
        return jdbc.queryForObject("SELECT count(*) FROM invoice_document WHERE invoice_id = ? AND format = 'PDF'", Long.class, invoice);
    }

    @Test
    void issuingAgainReturnsTheSameInvoices() {
        long request = register("acme", Drafts.pythonCourse());
        List<Long> first = issuance.issueFor(request);
        long invoicesBefore = count();

        assertThat(issuance.issueFor(request)).isEqualTo(first);
        assertThat(count()).isEqualTo(invoicesBefore);
    }

    @Test
    void splitsWhenTheTotalExceedsTheLimit() {
        long request = register("acme", Drafts.line("企业内训 A", "TRAINING", "1", "60000.00"),
                Drafts.line("企业内训 B", "TRAINING", "1", "50000.00"), Drafts.line("咨询", "CONSULTING", "1", "30000.00"));

        List<Long> ids = issuance.issueFor(request);

        assertThat(issuance.invoicesOfRequest(request)).extracting(s -> s.totalAmount().toPlainString())
                .containsExactly("90000.00", "50000.00");
        assertThat(ids).hasSize(2);
        List<String> numbers = issuance.invoicesOfRequest(request).stream().map(InvoiceSummary::number).toList();
        assertThat(Long.parseLong(numbers.get(1).substring(5))).isEqualTo(Long.parseLong(numbers.get(0).substring(5)) + 1);
    }

    @Test
    void unknownCategoryIssuesNothingAndUsesUpNoNumber() {
        long good = register("acme", Drafts.pythonCourse());
        long bad = register("acme", Drafts.pythonCourse(), Drafts.line("礼品卡", "GIFT_CARD", "1", "100.00"));
        String before = issuance.invoicesOfRequest(issueAndGet(good)).get(0).number();

        assertThatThrownBy(() -> issuance.issueFor(bad)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GIFT_CARD");

        assertThat(issuance.invoicesOfRequest(bad)).isEmpty();
        assertThat(drafts.reportedFor(bad)).isNull();
        long next = register("acme", Drafts.pythonCourse());
        String after = issuance.invoicesOfRequest(issueAndGet(next)).get(0).number();
        assertThat(Long.parseLong(after.substring(5))).isEqualTo(Long.parseLong(before.substring(5)) + 1);
    }

    @Test
    void marksIssuedInvoicesDelivered() {
        long request = register("alice", Drafts.pythonCourse());
        issuance.issueFor(request);

        issuance.markDelivered(request, "system");
        issuance.markDelivered(request, "system"); // a retried delivery step changes nothing

        assertThat(issuance.invoicesOfRequest(request)).extracting(InvoiceSummary::status)
                .containsExactly(InvoiceStatus.DELIVERED);
        Long id = issuance.invoicesOfRequest(request).get(0).id();
        assertThat(jdbc.queryForList("select status from invoice_status_change where invoice_id = ? order by id",
                String.class, id)).containsExactly("ISSUED", "DELIVERED");
    }

    @Test
    void attachmentsAreNamedByInvoiceNumber() {
        long request = register("acme", Drafts.pythonCourse());
        issuance.issueFor(request);

        List<InvoiceAttachment> attachments = issuance.attachmentsOfRequest(request);

        assertThat(attachments).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo(a.number() + ".pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(new String(a.content(), 0, 5)).isEqualTo("%PDF-");
        });
        String stored = jdbc.queryForObject("select sha256 from invoice_document where invoice_id = ?", String.class,
                attachments.get(0).invoiceId());
        assertThat(stored).isEqualTo(dev.fapiaoflow.issuance.internal.InvoiceDocument.sha256(attachments.get(0).content()));
    }

    @Test
    void storesBuyerDataEncrypted() {
        long request = register("acme", Drafts.pythonCourse());
        Long id = issuance.issueFor(request).get(0);

        var row = jdbc.queryForMap("select buyer_title, buyer_tax_id, buyer_type from invoice where id = ?", id);

        assertThat(row.get("BUYER_TITLE").toString()).doesNotContain(Drafts.ACME_TITLE);
        assertThat(row.get("BUYER_TAX_ID").toString()).isNotEqualTo(Drafts.ACME_TAX_ID);
        assertThat(row.get("BUYER_TYPE")).isEqualTo("ENTERPRISE");
    }

    private long issueAndGet(long request) {
        issuance.issueFor(request);
        return request;
    }

    private long register(String owner, DraftLine... lines) {
        long request = REQUEST_IDS.incrementAndGet();
        drafts.register(Drafts.draft(request, owner, owner.equals("alice") ? Drafts.alice() : Drafts.acme(), lines));
        return request;
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from invoice", Long.class);
    }

    static long newRequestId() {
        return REQUEST_IDS.incrementAndGet();
    }
}
