package dev.fapiaoflow.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Races: calls started at the same moment, each on a thread of its own (a barrier releases them together). */
public final class AtOnce {

    private AtOnce() {
    }

    /** The calls' results in the calls' order; the first failure is thrown (as the {@code ExecutionException}). */
    public static <T> List<T> call(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CyclicBarrier start = new CyclicBarrier(calls.size());
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same call made by {@code parties} threads at once. */
    public static <T> List<T> call(int parties, Callable<T> call) throws Exception {
        return call(Collections.nCopies(parties, call));
    }
}
