package dev.fapiaoflow.issuance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.issuance.IssuanceSpringTest;

/**
 * Many issuers at once against one database: numbers stay unique and consecutive, and a rolled-back
 * issuance gives its number back. Uses a year no other test issues in, so the first numbers also race
 * to create the sequence row.
 */
@IssuanceSpringTest
class InvoiceNumberAllocatorConcurrencyTest {

    @Autowired
    InvoiceNumberAllocator allocator;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void concurrentIssuersGetConsecutiveUniqueNumbersAndRollbacksLeaveNoGap() throws Exception {
        ConcurrentIssuers.issueConcurrently(allocator, transactions, LocalDate.of(2087, 6, 1));
    }

    @Test
    void numbersCarryYearRegionAndChannel() {
        String number = new TransactionTemplate(transactions).execute(status -> allocator.next(LocalDate.of(2031, 1, 1)));
        assertThat(number).isEqualTo("31110000000000000001");
    }
}
