package dev.fapiaoflow.issuance.internal;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import dev.fapiaoflow.support.MariaDbIntegrationTest;
import dev.fapiaoflow.support.SpringTestBase;

/** Gap-free numbering under concurrent issuers, with MariaDB's row locks (SELECT … FOR UPDATE). */
@MariaDbIntegrationTest
class InvoiceNumberAllocatorIT extends SpringTestBase {

    @Autowired
    InvoiceNumberAllocator allocator;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void concurrentIssuersOnMariaDbGetConsecutiveUniqueNumbersAndRollbacksLeaveNoGap() throws Exception {
        ConcurrentIssuers.issueConcurrently(allocator, transactions, LocalDate.of(2088, 6, 1));
    }
}
