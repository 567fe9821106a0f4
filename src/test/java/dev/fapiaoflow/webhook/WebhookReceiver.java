package dev.fapiaoflow.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

import dev.fapiaoflow.support.Waiting;

/** A real HTTP server on a free local port that records what it receives and answers with a settable status. */
final class WebhookReceiver implements AutoCloseable {

    record Received(String body, String signature, String deliveryId, String event, long receivedAtNanos) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/hook", exchange -> {
            try (exchange) {
                received.add(new Received(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("X-FapiaoFlow-Signature"),
                        exchange.getRequestHeaders().getFirst("X-FapiaoFlow-Delivery"),
                        exchange.getRequestHeaders().getFirst("X-FapiaoFlow-Event"), System.nanoTime()));
                exchange.sendResponseHeaders(answer.get(), -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void answer(int status) {
        answer.set(status);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received await(Predicate<Received> wanted, Duration limit) {
        return Waiting.until("a delivery matching the test's expectation", limit,
                () -> received.stream().filter(wanted).findFirst(), Optional::isPresent).orElseThrow();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
