package dev.fapiaoflow.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;

/** The national rules of what identifies an invoice, per kind. */
class ForeignInvoiceQueryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Test
    void a数电InvoiceNeedsNumberDateAnd价税合计AndDefaultsToAnOrdinaryOne() {
        ForeignInvoiceQuery query = ForeignInvoiceQuery.parse(null, null, "25110000000000004711", "2026-11-03", "1060", null, null, TODAY);

        assertThat(query.kind()).isEqualTo("32");
        assertThat(query.amount()).isEqualByComparingTo("1060.00");
        assertThat(query.invoiceKey()).isEqualTo("25110000000000004711");
    }

    @Test
    void anOldSpecialInvoiceNeedsCodeNumberDateAndTheAmountWithoutTax() {
        ForeignInvoiceQuery query = ForeignInvoiceQuery.parse("01", "1100182130", "01561511", "2026-04-05", null, "2376.70", null, TODAY);

        assertThat(query.amount()).isEqualByComparingTo("2376.70");
        assertThat(query.invoiceKey()).isEqualTo("1100182130-01561511");
        assertThat(fields(() -> ForeignInvoiceQuery.parse("01", "1100182130", "01561511", "2026-04-05", "2376.70", null, null, TODAY)))
                .containsExactly("amountExcludingTax");
    }

    @Test
    void anOldOrdinaryInvoiceNeedsTheLastSixDigitsOfItsCheckCode() {
        assertThat(ForeignInvoiceQuery.parse("04", "011002100111", "12345678", "2026-10-08", null, null, "12345678901234567890", TODAY)
                .checkCode()).isEqualTo("567890");
        assertThat(ForeignInvoiceQuery.parse("10", "011002100111", "12345678", "2026-10-08", null, null, "567890", TODAY).checkCode())
                .isEqualTo("567890");
        assertThat(fields(() -> ForeignInvoiceQuery.parse("04", "011002100111", "12345678", "2026-10-08", "100.00", null, null, TODAY)))
                .containsExactly("checkCode");
    }

    @Test
    void reportsEveryBadFieldOfAnOldInvoiceAtOnce() {
        assertThat(fields(() -> ForeignInvoiceQuery.parse("04", "0110", "123", "2026-13-01", null, null, "12", TODAY)))
                .containsExactlyInAnyOrder("number", "code", "issueDate", "checkCode");
    }

    @Test
    void refusesUnknownKindsCodesOn数电AndDatesTheAuthorityDoesNotCheck() {
        assertThat(fields(() -> ForeignInvoiceQuery.parse("99", null, "12345678", "2026-10-08", null, null, null, TODAY))).contains("kind");
        assertThat(fields(() -> ForeignInvoiceQuery.parse("32", "011002100111", "25110000000000004711", "2026-11-03", "1", null, null, TODAY)))
                .containsExactly("code");
        assertThat(fields(() -> ForeignInvoiceQuery.parse("32", null, "25110000000000004711", TODAY.toString(), "1", null, null, TODAY)))
                .containsExactly("issueDate");
        assertThat(fields(() -> ForeignInvoiceQuery.parse("32", null, "25110000000000004711", "2020-11-19", "1", null, null, TODAY)))
                .containsExactly("issueDate");
    }

    @Test
    void saysWhatIsWrongInTheReadersLanguage() {
        Runnable unknownKind = () -> ForeignInvoiceQuery.parse("99", null, "12345678", "2026-10-08", null, null, null, TODAY);
        assertThat(messages(unknownKind)).contains("不支持的发票种类代码 99，可选 31、32、01、08、04、10、11、14");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        try {
            assertThat(messages(unknownKind)).contains("Invoice kind code 99 is not supported; choose 31, 32, 01, 08, 04, 10, 11 or 14");
            assertThat(messages(() -> ForeignInvoiceQuery.parse("01", "011002100111", "12345678", "2026-10-08", null, "1.234", null, TODAY)))
                    .containsExactly("The amount excluding tax is an amount with at most two decimals, e.g. 1999.00");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private static java.util.List<String> messages(Runnable parse) {
        InvalidInputException e = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(parse::run);
        assertThat(e).isNotNull();
        return e.errors().stream().map(FieldError::message).toList();
    }

    private static java.util.List<String> fields(Runnable parse) {
        InvalidInputException e = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(parse::run);
        assertThat(e).isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }
}
