package dev.fapiaoflow.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.Requests;
import dev.fapiaoflow.support.Waiting;

/** Many customer requests at once (a paid order pushed, alice applies), and waiting until every one is delivered. */
final class PlatformRequests {

    private final Function<String, RestClient> clients;
    private final JdbcTemplate jdbc;

    PlatformRequests(Function<String, RestClient> clients, JdbcTemplate jdbc) {
        this.clients = clients;
        this.jdbc = jdbc;
    }

    /** the ids of {@code count} new requests of alice, each for one order of {@code price} */
    List<Long> apply(int count, String price) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> applyOne(price)));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> future : futures) {
                ids.add(future.get());
            }
            return Collections.unmodifiableList(ids);
        } finally {
            pool.shutdownNow();
        }
    }

    private long applyOne(String price) {
        String orderNo = Orders.newOrderNo();
        clients.apply("shop").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Orders.paidTrainingOrder("alice", orderNo, price)).retrieve().toBodilessEntity();
        String location = clients.apply("alice").post().uri("/api/invoice-requests").contentType(MediaType.APPLICATION_JSON)
                .body(Requests.personalNormal(List.of(orderNo), "爱丽丝", "alice@example.com")).retrieve().toBodilessEntity()
                .getHeaders().getLocation().toString();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** waits until every request is DELIVERED; fails with the stragglers' statuses after {@code limit} */
    void awaitDelivered(List<Long> ids, Duration limit) {
        String in = String.join(",", ids.stream().map(String::valueOf).toList());
        Waiting.until(ids.size() + " requests delivered", limit, () -> jdbc.queryForList("select concat(id, ':', status)"
                + " from invoice_request where id in (" + in + ") and status <> 'DELIVERED'", String.class), List::isEmpty);
    }
}
