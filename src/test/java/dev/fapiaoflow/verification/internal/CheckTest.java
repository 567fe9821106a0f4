package dev.fapiaoflow.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.issuance.InvoiceKind;
import dev.fapiaoflow.issuance.InvoiceStatus;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.issuance.VerifiableInvoice;

class CheckTest {

    private static final String NUMBER = "26110000000000000123";
    private static final LocalDate ISSUED_ON = LocalDate.of(2026, 11, 3);
    private final VerifiableInvoice invoice = new VerifiableInvoice(1L, NUMBER, ISSUED_ON, InvoiceKind.BLUE, InvoiceType.NORMAL,
            InvoiceStatus.DELIVERED, "alice", BuyerType.PERSONAL, "爱丽丝", "北京启明在线教育科技有限公司",
            new BigDecimal("1999.00"), new BigDecimal("113.15"), List.of());

    @Test
    void sameDateAndTotalMatch() {
        assertThat(new Check(NUMBER, ISSUED_ON, new BigDecimal("1999.00")).matches(invoice)).isTrue();
    }

    @Test
    void totalIsComparedByValueNotByScale() {
        assertThat(new Check(NUMBER, ISSUED_ON, new BigDecimal("1999")).matches(invoice)).isTrue();
        assertThat(new Check(NUMBER, ISSUED_ON, new BigDecimal("1999.0")).matches(invoice)).isTrue();
    }

    @Test
    void oneFenOffDoesNotMatch() {
        assertThat(new Check(NUMBER, ISSUED_ON, new BigDecimal("1999.01")).matches(invoice)).isFalse();
    }

    @Test
    void taxExclusiveAmountDoesNotMatch() {
        assertThat(new Check(NUMBER, ISSUED_ON, new BigDecimal("1885.85")).matches(invoice)).isFalse();
    }

    @Test
    void anotherDayDoesNotMatch() {
        assertThat(new Check(NUMBER, ISSUED_ON.plusDays(1), new BigDecimal("1999.00")).matches(invoice)).isFalse();
    }
}
