package dev.fapiaoflow.issuance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

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

    private static final int THREADS = 6;
    private static final int ISSUES_PER_THREAD = 25;

    @Autowired
    InvoiceNumberAllocator allocator;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void concurrentIssuersGetConsecutiveUniqueNumbersAndRollbacksLeaveNoGap() throws Exception {
        LocalDate day = LocalDate.of(2087, 6, 1);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<String> committed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < ISSUES_PER_THREAD; i++) {
                    boolean rollBack = (thread + i) % 5 == 0; // every fifth issuance fails after taking its number
                    String number = tx.execute(status -> {
                        String taken = allocator.next(day);
                        if (rollBack) {
                            status.setRollbackOnly();
                        }
                        return taken;
                    });
                    if (!rollBack) {
                        committed.add(number);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<Long> sequences = committed.stream()
                .peek(n -> assertThat(n).hasSize(20).startsWith("87110"))
                .map(n -> Long.parseLong(n.substring(5)))
                .sorted()
                .toList();
        assertThat(sequences).doesNotHaveDuplicates();
        assertThat(sequences).containsExactlyElementsOf(LongStream.rangeClosed(1, sequences.size()).boxed().toList());
        assertThat(sequences.size()).isEqualTo(THREADS * ISSUES_PER_THREAD - THREADS * ISSUES_PER_THREAD / 5);
    }

    @Test
    void numbersCarryYearRegionAndChannel() {
        String number = new TransactionTemplate(transactions).execute(status -> allocator.next(LocalDate.of(2031, 1, 1)));
        assertThat(number).isEqualTo("31110000000000000001");
    }
}
