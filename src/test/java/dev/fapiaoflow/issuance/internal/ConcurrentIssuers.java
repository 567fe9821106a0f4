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

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many issuers at once against one database, every fifth rolling back after taking its number: the
 * committed numbers must be unique and consecutive. Run on H2 and on MariaDB.
 */
final class ConcurrentIssuers {

    static final int THREADS = 6;
    static final int ISSUES_PER_THREAD = 25;

    private ConcurrentIssuers() {
    }

    /** Returns the committed numbers, already checked; {@code day} should be a year no other test uses. */
    static List<String> issueConcurrently(InvoiceNumberAllocator allocator, PlatformTransactionManager transactions,
            LocalDate day) throws Exception {
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
                    boolean rollBack = (thread + i) % 5 == 0;
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

        String prefix = String.format("%02d110", day.getYear() % 100);
        List<Long> sequences = committed.stream()
                .peek(n -> assertThat(n).hasSize(20).startsWith(prefix))
                .map(n -> Long.parseLong(n.substring(5)))
                .sorted()
                .toList();
        assertThat(sequences).doesNotHaveDuplicates();
        assertThat(sequences).containsExactlyElementsOf(LongStream.rangeClosed(1, sequences.size()).boxed().toList());
        assertThat(sequences.size()).isEqualTo(THREADS * ISSUES_PER_THREAD - THREADS * ISSUES_PER_THREAD / 5);
        return committed;
    }
}
