package dev.fapiaoflow.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work collected during a transaction and done in it just before it commits, in one batch per owner: what must lock
 * a row shared by every transaction (a hash chain's head) then holds it only for the commit.
 */
public final class BeforeCommit {

    private BeforeCommit() {
    }

    /**
     * Adds an item to the current transaction's batch of {@code owner}; the first item of a transaction registers
     * {@code work} to receive the whole batch just before the commit. Needs an active transaction synchronization.
     */
    public static <T> void add(Object owner, T item, Consumer<List<T>> work) {
        @SuppressWarnings("unchecked")
        List<T> batch = (List<T>) TransactionSynchronizationManager.getResource(owner);
        if (batch == null) {
            List<T> fresh = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(owner, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    List<T> items = List.copyOf(fresh);
                    fresh.clear();
                    work.accept(items);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(owner);
                }
            });
            batch = fresh;
        }
        batch.add(item);
    }
}
