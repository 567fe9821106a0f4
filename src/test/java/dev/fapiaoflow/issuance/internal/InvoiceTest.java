package dev.fapiaoflow.issuance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fapiaoflow.issuance.Drafts;
import dev.fapiaoflow.issuance.InvoiceKind;
import dev.fapiaoflow.issuance.InvoiceStatus;

class InvoiceTest {

    static final SellerProperties SELLER = new SellerProperties("北京启明在线教育科技有限公司", "91110108MA01ABCD2X",
            "北京市海淀区中关村大街1号 010-88886666", "中国工商银行北京中关村支行 0200001234567890123", "张会计",
            dev.fapiaoflow.buyer.TaxpayerKind.GENERAL);
    static final TaxClassification TRAINING = new TaxClassification(new BigDecimal("0.0600"), "3070201020000000000",
            "非学历教育服务", "培训费");
    static final TaxClassification BOOK = new TaxClassification(new BigDecimal("0.0900"), "1060201010000000000", "图书", null);
    static final Instant ISSUED_AT = Instant.parse("2026-11-03T02:00:00Z");

    static Invoice issued() {
        return issuedTo(Drafts.acme());
    }

    /** The same invoice for a company with the given title (the rest of acme's details). */
    static Invoice issuedTo(String title) {
        var acme = Drafts.acme();
        return issuedTo(new dev.fapiaoflow.buyer.BuyerDetails(acme.buyerType(), title, acme.taxId(), acme.address(),
                acme.phone(), acme.bankName(), acme.bankAccount(), acme.email(), acme.taxpayerKind()));
    }

    private static Invoice issuedTo(dev.fapiaoflow.buyer.BuyerDetails buyer) {
        List<TaxLine> lines = List.of(
                TaxLine.of("Python 入门课", BigDecimal.ONE, new BigDecimal("1999.00"), TRAINING),
                TaxLine.of("Java 核心技术", new BigDecimal("2"), new BigDecimal("218.00"), BOOK));
        return Invoice.issue(Drafts.draft(7, "acme", buyer), lines, "26110000000000000123",
                LocalDate.of(2026, 11, 3), ISSUED_AT, SELLER);
    }

    @Test
    void totalsAreTheSumsOfTheLines() {
        Invoice invoice = issued();
        assertThat(invoice.netAmount()).isEqualTo("2085.85"); // 1885.85 + 200.00
        assertThat(invoice.taxAmount()).isEqualTo("131.15"); // 113.15 + 18.00
        assertThat(invoice.totalAmount()).isEqualTo("2217.00");
        assertThat(invoice.lines()).extracting(InvoiceLine::itemName)
                .containsExactly("*非学历教育服务*培训费", "*图书*Java 核心技术");
        assertThat(invoice.lines().get(1).unitPrice()).isEqualTo("100.00000000");
        assertThat(invoice.kind()).isEqualTo(InvoiceKind.BLUE);
    }

    @Test
    void startsIssuedWithAHistoryEntryBySystem() {
        Invoice invoice = issued();
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.history()).singleElement().satisfies(change -> {
            assertThat(change.status()).isEqualTo(InvoiceStatus.ISSUED);
            assertThat(change.actor()).isEqualTo(Invoice.SYSTEM);
            assertThat(change.changedAt()).isEqualTo(ISSUED_AT);
        });
    }

    @Test
    void deliveredInvoiceRecordsWhoAndWhen() {
        Invoice invoice = issued();
        Instant later = ISSUED_AT.plusSeconds(60);
        invoice.markDelivered("reviewer", later);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.DELIVERED);
        assertThat(invoice.history()).extracting(InvoiceStatusChange::status, InvoiceStatusChange::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(InvoiceStatus.ISSUED, "system"),
                        org.assertj.core.groups.Tuple.tuple(InvoiceStatus.DELIVERED, "reviewer"));
    }

    @Test
    void refusesToDeliverTwice() {
        Invoice invoice = issued();
        invoice.markDelivered("system", ISSUED_AT);
        assertThatThrownBy(() -> invoice.markDelivered("system", ISSUED_AT)).isInstanceOf(IllegalInvoiceTransition.class);
        assertThat(invoice.history()).hasSize(2);
    }

    @Test
    void refusesToDeliverAVoidedInvoice() {
        Invoice invoice = issued();
        invoice.markVoided("manager", ISSUED_AT, "抬头错误");
        assertThatThrownBy(() -> invoice.markDelivered("system", ISSUED_AT)).isInstanceOf(IllegalInvoiceTransition.class);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.VOIDED);
    }

    @Test
    void redFlushesOnlyIssuedOrDeliveredInvoices() {
        Invoice invoice = issued();
        invoice.markDelivered("system", ISSUED_AT);
        invoice.markRedFlushed("manager", ISSUED_AT, "红字发票 26110000000000000124");
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.RED_FLUSHED);
        assertThatThrownBy(() -> invoice.markVoided("manager", ISSUED_AT, null)).isInstanceOf(IllegalInvoiceTransition.class);
    }

    @Test
    void refusesAStatusChangeWithoutActor() {
        assertThatThrownBy(() -> issued().markDelivered(" ", ISSUED_AT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsBuyerDataOutOfToString() {
        assertThat(issued().toString()).doesNotContain(Drafts.ACME_TITLE).doesNotContain(Drafts.ACME_TAX_ID);
    }
}
