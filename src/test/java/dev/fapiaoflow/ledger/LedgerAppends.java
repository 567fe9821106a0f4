package dev.fapiaoflow.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.transaction.support.TransactionTemplate;

/** Appends from several threads at once, each in its own transaction, released together. */
final class LedgerAppends {

    private LedgerAppends() {
    }

    static List<LedgerEntry> allAtOnce(DocumentLedger ledger, TransactionTemplate transactions, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<LedgerEntry>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String sha = String.format("%064x", System.nanoTime() + i);
                long invoiceId = 900_000 + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    transactions.executeWithoutResult(status -> ledger.append(invoiceId,
                            "99000000000000" + String.format("%06d", invoiceId % 1_000_000), "PDF", sha, Instant.now()));
                    // chained as the transaction committed
                    return ledger.entryOf(sha).orElseThrow();
                }));
            }
            start.countDown();
            List<LedgerEntry> entries = new ArrayList<>();
            for (Future<LedgerEntry> future : futures) {
                entries.add(future.get(60, TimeUnit.SECONDS));
            }
            return entries;
        } finally {
            pool.shutdownNow();
        }
    }
}
