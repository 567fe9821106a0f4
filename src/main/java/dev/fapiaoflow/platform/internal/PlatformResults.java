package dev.fapiaoflow.platform.internal;

import java.time.Clock;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.platform.PlatformResult;

/**
 * Keeps what the platform answered per serial, each answer in a short transaction of its own (a callback and a poll
 * may bring the same answer at once: the row is locked, and a final ISSUED is never overwritten).
 */
@Component
public class PlatformResults {

    private final StoredResultRepository results;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    PlatformResults(StoredResultRepository results, PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
        this.results = results;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** @return whether the answer changed what we knew about the serial */
    public boolean record(PlatformResult result) {
        try {
            return recordOnce(result);
        } catch (DataIntegrityViolationException firstAnswerRace) {
            return recordOnce(result); // the other writer created the row; now we lock it
        }
    }

    private boolean recordOnce(PlatformResult result) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            StoredResult stored = results.lock(result.serial()).orElse(null);
            if (stored == null) {
                stored = new StoredResult(result.serial());
                boolean changed = stored.update(result, clock.instant());
                results.saveAndFlush(stored);
                return changed;
            }
            return stored.update(result, clock.instant());
        }));
    }

    public Optional<PlatformResult> known(String serial) {
        return results.findById(serial).map(StoredResult::toResult);
    }
}
