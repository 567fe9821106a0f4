package dev.fapiaoflow.dispute;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open dispute pages of this node, as server-sent event streams: a new message is pushed to every page showing
 * its dispute once the message is committed. Whether the other side is "online" for a dispute means it has such a
 * page open here; with several nodes a page open on another node counts as offline, which costs a mail, never a
 * lost message (the page loads the thread from the database).
 * <p>
 * On shutdown the streams are closed before the web server's graceful shutdown starts, which would otherwise wait
 * its whole timeout for pages that never finish; the pages' EventSource reconnects to another node.
 */
@Component
class DisputeThreads implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DisputeThreads.class);
    static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

    private record Watcher(SseEmitter emitter, String user, boolean customer) {
    }

    private final Map<Long, List<Watcher>> watchers = new ConcurrentHashMap<>();
    private volatile boolean running;

    SseEmitter subscribe(long disputeId, String user, boolean customer) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        Watcher watcher = new Watcher(emitter, user, customer);
        watchers.computeIfAbsent(disputeId, id -> new CopyOnWriteArrayList<>()).add(watcher);
        Runnable remove = () -> watchers.getOrDefault(disputeId, List.of()).remove(watcher);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        try {
            emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    boolean serviceWatching(long disputeId) {
        return watchers.getOrDefault(disputeId, List.of()).stream().anyMatch(w -> !w.customer());
    }

    boolean customerWatching(long disputeId, String customer) {
        return watchers.getOrDefault(disputeId, List.of()).stream().anyMatch(w -> w.customer() && w.user().equals(customer));
    }

    /** Pushes the message once the caller's transaction commits (at once without one), then runs {@code then}. */
    void publishAfterCommit(long disputeId, DisputeView.Message message, Runnable then) {
        Runnable publish = () -> {
            push(disputeId, message);
            try {
                then.run();
            } catch (RuntimeException e) {
                log.warn("Follow-up of a message in dispute {} failed: {}", disputeId, e.toString());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish.run();
                }
            });
        } else {
            publish.run();
        }
    }

    private void push(long disputeId, DisputeView.Message message) {
        for (Watcher watcher : watchers.getOrDefault(disputeId, List.of())) {
            try {
                watcher.emitter().send(SseEmitter.event().name("message").id(String.valueOf(message.id()))
                        .data(message, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                watchers.getOrDefault(disputeId, List.of()).remove(watcher);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        watchers.values().forEach(list -> list.forEach(watcher -> watcher.emitter().complete()));
        watchers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first: before the web server's graceful shutdown (phase {@code DEFAULT_PHASE - 1024}). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
