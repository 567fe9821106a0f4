package dev.fapiaoflow.issuance.internal;

import static dev.fapiaoflow.issuance.internal.InvoiceTest.ISSUED_AT;
import static dev.fapiaoflow.issuance.internal.InvoiceTest.SELLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.issuance.InvoiceKind;
import dev.fapiaoflow.issuance.InvoiceStatus;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.issuance.RedLetterReason;

class RedLetterInvoiceTest {

    private static final Instant LATER = ISSUED_AT.plusSeconds(86_400);
    private static final LocalDate RED_DAY = LocalDate.of(2026, 11, 4);

    private static Invoice original() {
        Invoice invoice = InvoiceTest.issued();
        ReflectionTestUtils.setField(invoice, "id", 41L);
        return invoice;
    }

    @Test
    void everyLineIsTheExactNegationOfTheOriginalLine() {
        Invoice original = original();
        Invoice red = Invoice.redLetterFor(original, RedLetterReason.ISSUED_IN_ERROR, "26110000000000000124", RED_DAY,
                LATER, SELLER);
        assertThat(red.lines()).hasSameSizeAs(original.lines());
        for (int i = 0; i < original.lines().size(); i++) {
            InvoiceLine blue = original.lines().get(i);
            InvoiceLine reversed = red.lines().get(i);
            assertThat(reversed.netAmount()).isEqualTo(blue.netAmount().negate());
            assertThat(reversed.taxAmount()).isEqualTo(blue.taxAmount().negate());
            assertThat(reversed.quantity()).isEqualTo(blue.quantity().negate());
            assertThat(reversed.unitPrice()).isEqualTo(blue.unitPrice());
            assertThat(reversed.taxRate()).isEqualTo(blue.taxRate());
            assertThat(reversed.itemName()).isEqualTo(blue.itemName());
            assertThat(reversed.taxCode()).isEqualTo(blue.taxCode());
        }
    }

    @Test
    void totalsNetToZeroWithTheOriginal() {
        Invoice original = original();
        Invoice red = Invoice.redLetterFor(original, RedLetterReason.ISSUED_IN_ERROR, "26110000000000000124", RED_DAY,
                LATER, SELLER);
        assertThat(red.totalAmount()).isEqualTo("-2217.00");
        assertThat(red.netAmount()).isEqualTo("-2085.85");
        assertThat(red.taxAmount()).isEqualTo("-131.15");
        assertThat(red.totalAmount().add(original.totalAmount())).isZero();
        assertThat(red.netAmount().add(original.netAmount())).isZero();
        assertThat(red.taxAmount().add(original.taxAmount())).isZero();
    }

    @Test
    void isRedWithItsOwnNumberReasonAndLinkToTheOriginal() {
        Invoice original = original();
        Invoice red = Invoice.redLetterFor(original, RedLetterReason.SALES_RETURN, "26110000000000000124", RED_DAY,
                LATER, SELLER);
        assertThat(red.kind()).isEqualTo(InvoiceKind.RED);
        assertThat(red.number()).isEqualTo("26110000000000000124");
        assertThat(red.originalInvoiceId()).isEqualTo(41L);
        assertThat(red.redReason()).isEqualTo(RedLetterReason.SALES_RETURN);
        assertThat(red.remarks()).contains("26110000000000000123", "02 销货退回");
        assertThat(red.buyer().title()).isEqualTo(original.buyer().title());
        assertThat(red.owner()).isEqualTo(original.owner());
        assertThat(red.type()).isEqualTo(original.type());
        assertThat(red.status()).isEqualTo(InvoiceStatus.ISSUED);
    }

    @Test
    void aRedLetterInvoiceIsNotReversedAgain() {
        Invoice red = Invoice.redLetterFor(original(), RedLetterReason.ISSUED_IN_ERROR, "26110000000000000124", RED_DAY,
                LATER, SELLER);
        assertThatThrownBy(() -> Invoice.redLetterFor(red, RedLetterReason.ISSUED_IN_ERROR, "26110000000000000125",
                RED_DAY, LATER, SELLER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partialReversalSpreadsTheRefundOverTheLinesAndSumsToIt() {
        Invoice original = original(); // lines 1999.00 (6%) and 218.00 (9%)
        Invoice red = Invoice.partialRedLetterFor(original, new BigDecimal("1000.00"), RedLetterReason.SALES_RETURN,
                "26110000000000000124", RED_DAY, LATER, SELLER);
        assertThat(red.totalAmount()).isEqualTo("-1000.00");
        assertThat(red.lines()).hasSize(2);
        BigDecimal firstGross = red.lines().get(0).netAmount().add(red.lines().get(0).taxAmount());
        assertThat(firstGross).isEqualTo("-901.67"); // 1000 × 1999 / 2217, rounded
        assertThat(red.lines().get(1).netAmount().add(red.lines().get(1).taxAmount())).isEqualTo("-98.33");
        assertThat(red.lines().get(0).taxAmount()).isEqualTo("-51.04"); // 901.67 − round(901.67 / 1.06)
        assertThat(red.lines()).allSatisfy(line -> assertThat(line.quantity()).isNull());
        assertThat(red.netAmount().add(red.taxAmount())).isEqualTo(red.totalAmount());
    }

    @Test
    void aPartialReversalOfTheWholeAmountIsTheFullReversal() {
        Invoice original = original();
        Invoice red = Invoice.partialRedLetterFor(original, new BigDecimal("2217.00"), RedLetterReason.SALES_RETURN,
                "26110000000000000124", RED_DAY, LATER, SELLER);
        assertThat(red.lines()).extracting(InvoiceLine::quantity).containsExactly(new BigDecimal("-1"), new BigDecimal("-2"));
        assertThat(red.totalAmount().add(original.totalAmount())).isZero();
    }

    @Test
    void refusesToReverseMoreThanTheInvoiceOrNothing() {
        Invoice original = original();
        assertThatThrownBy(() -> Invoice.partialRedLetterFor(original, new BigDecimal("2217.01"),
                RedLetterReason.SALES_RETURN, "26110000000000000124", RED_DAY, LATER, SELLER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Invoice.partialRedLetterFor(original, BigDecimal.ZERO, RedLetterReason.SALES_RETURN,
                "26110000000000000124", RED_DAY, LATER, SELLER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void originalMovesToRedFlushedFromIssuedDeliveredOrPartlyReversed() {
        Invoice issued = original();
        issued.markPartiallyRedFlushed("system", LATER, "部分红冲");
        assertThat(issued.status()).isEqualTo(InvoiceStatus.PARTIALLY_RED_FLUSHED);
        issued.markRedFlushed("system", LATER, "红冲");
        assertThat(issued.status()).isEqualTo(InvoiceStatus.RED_FLUSHED);
        assertThatThrownBy(() -> issued.markRedFlushed("system", LATER, "again")).isInstanceOf(IllegalInvoiceTransition.class);
    }

    @Test
    void reissueCopiesTheLinesWithTheCorrectedBuyerAndLinksBack() {
        Invoice original = original();
        assertThatThrownBy(() -> Invoice.reissueOf(original, corrected(), original.type(), "26110000000000000125", RED_DAY, LATER, SELLER))
                .as("an invoice that still stands is not re-issued").isInstanceOf(IllegalArgumentException.class);
        original.markRedFlushed("system", LATER, "红冲");
        Invoice reissued = Invoice.reissueOf(original, corrected(), original.type(), "26110000000000000125", RED_DAY, LATER, SELLER);
        assertThat(reissued.kind()).isEqualTo(InvoiceKind.BLUE);
        assertThat(reissued.replacesInvoiceId()).isEqualTo(41L);
        assertThat(reissued.buyer().title()).isEqualTo("北京某某科技股份有限公司");
        assertThat(reissued.totalAmount()).isEqualTo(original.totalAmount());
        assertThat(reissued.lines()).extracting(InvoiceLine::netAmount)
                .containsExactlyElementsOf(original.lines().stream().map(InvoiceLine::netAmount).toList());
    }

    @Test
    void aWrongTypeIsReissuedAsTheWantedTypeWithTheSameLines() {
        Invoice original = original();
        InvoiceType wanted = original.type() == InvoiceType.SPECIAL ? InvoiceType.NORMAL : InvoiceType.SPECIAL;
        original.markRedFlushed("system", LATER, "红冲");

        Invoice reissued = Invoice.reissueOf(original, corrected(), wanted, "26110000000000000126", RED_DAY, LATER, SELLER);

        assertThat(reissued.type()).isEqualTo(wanted);
        assertThat(reissued.totalAmount()).isEqualTo(original.totalAmount());
        assertThat(reissued.replacesInvoiceId()).isEqualTo(41L);
    }

    private static BuyerDetails corrected() {
        return new BuyerDetails(BuyerType.ENTERPRISE, "北京某某科技股份有限公司", "91110108351303601C", null, null, null, null,
                null, null);
    }

    @Test
    void redPdfSaysRedLetterShowsTheOriginalNumberAndNegativeAmounts() throws Exception {
        Invoice red = Invoice.redLetterFor(original(), RedLetterReason.ISSUED_IN_ERROR, "26110000000000000124", RED_DAY,
                LATER, SELLER);
        byte[] pdf = new InvoicePdfRenderer(new CjkFont()).render(red, "26110000000000000123");
        String text;
        try (var document = new com.itextpdf.kernel.pdf.PdfDocument(
                new com.itextpdf.kernel.pdf.PdfReader(new java.io.ByteArrayInputStream(pdf)))) {
            text = com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor.getTextFromPage(document.getPage(1));
        }
        assertThat(text).contains("红字发票", "负数", "对应正数发票号码：26110000000000000123", "26110000000000000124",
                "-1885.85", "¥-2217.00", "负贰仟贰佰壹拾柒元整", "01 开票有误");
    }
}
