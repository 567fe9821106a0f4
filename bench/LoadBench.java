import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load over HTTP against one or more FapiaoFlow nodes, measuring start → end of the root process instance.
 *
 * <pre>
 * java bench/LoadBench.java KIND RATE SECONDS BASE_URL[,BASE_URL…] [RUN_ID]
 *   KIND   app   ordinary e-invoice requests: POST /api/invoice-requests (alice) on orders created beforehand (shop);
 *                done = the request's invoice-request instance ended (it ends in the transaction that makes it DELIVERED)
 *          noop  the same BPMN shape with no-op delegates (bench-noop-request, deployed by bench/e2e.sh), started over
 *                /engine-rest with the variables the real validation would set
 *   RATE   offered requests per second (open loop), or "sat" for saturation: closed loop keeping 100 unfinished
 *   SECONDS how long to offer load; then it waits (up to 120 s) for what was accepted to finish
 * </pre>
 * Completion is seen by polling the engine's history every 100 ms (so latencies are up to 100 ms late); the requests
 * are spread round-robin over the base URLs. Prints one line of figures, and the accepted request ids to
 * bench/out/accepted-RUN_ID.txt for the cluster check.
 */
public class LoadBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(16)).build();
    static final String ALICE = basic("alice"), SHOP = basic("shop"), ADMIN = basic("admin");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final Pattern HIST = Pattern.compile("\"businessKey\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        boolean saturation = args[1].equals("sat");
        double rate = saturation ? 0 : Double.parseDouble(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String[] bases = args[3].split(",");
        String runId = args.length > 4 ? args[4] : String.valueOf(System.currentTimeMillis() % 100000000);
        int planned = saturation ? Math.max(400, seconds * 250) : (int) Math.ceil(rate * seconds);

        List<String> orders = kind.equals("app") ? createOrders(bases, runId, planned) : List.of();

        Map<String, Long> started = new ConcurrentHashMap<>();   // business key -> nanoTime of POST
        Map<String, Long> ended = new ConcurrentHashMap<>();     // business key -> nanoTime its end was seen
        java.util.Set<String> released = ConcurrentHashMap.newKeySet();
        AtomicInteger shed = new AtomicInteger(), failed = new AtomicInteger(), sent = new AtomicInteger();
        AtomicLong maxHeap = new AtomicLong(-1);
        Semaphore window = new Semaphore(saturation ? 100 : 1 << 30);
        String definition = kind.equals("app") ? "invoice-request" : "bench-noop-request";

        long t0 = System.nanoTime();
        Runnable releaseEnded = () -> {
            for (String key : ended.keySet()) {
                if (started.containsKey(key) && released.add(key)) {
                    window.release();
                }
            }
        };
        Thread poller = new Thread(() -> poll(bases[0], definition, ended, releaseEnded));
        poller.setDaemon(true);
        poller.start();
        Thread heap = new Thread(() -> sampleHeap(bases, maxHeap));
        heap.setDaemon(true);
        heap.start();

        ExecutorService senders = Executors.newFixedThreadPool(32);
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch inFlight = new CountDownLatch(planned);
        int i = 0;
        for (; i < planned && System.nanoTime() < end; i++) {
            if (saturation) {
                if (!window.tryAcquire(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
            } else {
                long due = t0 + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            int n = i;
            senders.execute(() -> {
                try {
                    long before = System.nanoTime();
                    HttpResponse<String> response = null;
                    // like a load balancer: a node that does not answer (killed) gets the call sent to the next one,
                    // with the same Idempotency-Key, so a request the dead node stored is not stored twice
                    for (int attempt = 0; response == null; attempt++) {
                        String base = bases[(n + attempt) % bases.length];
                        try {
                            response = kind.equals("app") ? submitRequest(base, orders.get(n), runId + "-" + n)
                                    : startNoop(base, runId + "-" + n);
                        } catch (java.io.IOException nodeDown) {
                            if (attempt >= 2 * bases.length) {
                                throw nodeDown;
                            }
                            Thread.sleep(200);
                        }
                    }
                    sent.incrementAndGet();
                    if (response.statusCode() == 202 || response.statusCode() == 200) {
                        String key = kind.equals("app") ? id(response.body()) : runId + "-" + n;
                        started.put(key, before);
                        accepted.add(key);
                        if (ended.containsKey(key) && released.add(key)) {   // ended before its POST returned
                            window.release();
                        }
                    } else if (response.statusCode() == 503 || response.statusCode() == 429) {
                        shed.incrementAndGet();
                        window.release();
                    } else {
                        failed.incrementAndGet();
                        window.release();
                        if (failed.get() <= 3) {
                            System.err.println("HTTP " + response.statusCode() + ": " + response.body());
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    window.release();
                    if (failed.get() <= 3) {
                        System.err.println(e);
                    }
                } finally {
                    inFlight.countDown();
                }
            });
        }
        int offered = i;
        for (int rest = i; rest < planned; rest++) {
            inFlight.countDown();
        }
        inFlight.await(60, TimeUnit.SECONDS);
        double offerSeconds = (System.nanoTime() - t0) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && !ended.keySet().containsAll(accepted)) {
            Thread.sleep(100);
        }
        senders.shutdownNow();
        long lastEnd = 0;
        List<Long> done = new ArrayList<>();
        for (String key : accepted) {
            Long endSeen = ended.get(key);
            if (endSeen != null) {
                done.add(Math.max(0, endSeen - started.get(key)));
                lastEnd = Math.max(lastEnd, endSeen);
            }
        }
        Collections.sort(done);
        double span = (lastEnd - t0) / 1e9;
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("bench/out"));
        java.nio.file.Files.write(java.nio.file.Path.of("bench/out/accepted-" + runId + ".txt"), accepted);
        System.out.printf("%-5s %-8s offered=%d in %.1fs  accepted=%d shed(503/429)=%d failed=%d finished=%d  "
                        + "median=%s p90=%s p99=%s max=%s  throughput=%.1f/s  max-heap=%s%n",
                kind, saturation ? "sat" : args[1] + "/s", offered, offerSeconds, accepted.size(), shed.get(), failed.get(),
                done.size(), ms(done, 0.5), ms(done, 0.9), ms(done, 0.99), ms(done, 1.0),
                done.isEmpty() ? 0.0 : done.size() / span, maxHeap.get() < 0 ? "n/a" : (maxHeap.get() >> 20) + "MB");
        System.exit(done.size() == accepted.size() ? 0 : 3);
    }

    static List<String> createOrders(String[] bases, String runId, int count) throws Exception {
        List<String> orderNos = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String orderNo = "LB-" + runId + "-" + i;
            orderNos.add(orderNo);
            String base = bases[i % bases.length];
            futures.add(pool.submit(() -> {
                String body = "{\"orderNo\":\"" + orderNo + "\",\"customer\":\"alice\",\"paidAt\":\"2026-11-20T10:00:00+08:00\","
                        + "\"items\":[{\"sku\":\"PY-101\",\"name\":\"Python 入门课\",\"category\":\"TRAINING\",\"quantity\":\"1\","
                        + "\"unitPrice\":\"1999.00\"}],\"paidAmount\":\"1999.00\",\"status\":\"PAID\"}";
                HttpResponse<String> response = HTTP.send(post(base + "/api/orders", SHOP, body), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 300) {
                    throw new IllegalStateException("order " + orderNo + ": " + response.statusCode() + " " + response.body());
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        return orderNos;
    }

    static HttpResponse<String> submitRequest(String base, String orderNo, String key) throws Exception {
        String body = "{\"orderNos\":[\"" + orderNo + "\"],\"invoiceType\":\"NORMAL\",\"email\":\"alice@example.com\","
                + "\"delivery\":\"EMAIL\",\"buyer\":{\"buyerType\":\"PERSONAL\",\"title\":\"爱丽丝\"}}";
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/invoice-requests")).timeout(Duration.ofSeconds(30))
                .header("Authorization", ALICE).header("Content-Type", "application/json").header("Idempotency-Key", "lb-" + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> startNoop(String base, String key) throws Exception {
        String body = "{\"businessKey\":\"" + key + "\",\"variables\":{"
                + "\"requestId\":{\"value\":1,\"type\":\"Long\"},"
                + "\"invoiceType\":{\"value\":\"NORMAL\",\"type\":\"String\"},"
                + "\"buyerType\":{\"value\":\"PERSONAL\",\"type\":\"String\"},"
                + "\"taxpayerKind\":{\"value\":null,\"type\":\"Null\"},"
                + "\"totalAmountFen\":{\"value\":199900,\"type\":\"Long\"},"
                + "\"delivery\":{\"value\":\"EMAIL\",\"type\":\"String\"}}}";
        return HTTP.send(post(base + "/engine-rest/process-definition/key/bench-noop-request/start", ADMIN, body),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sees ended root instances in the history, sliding a few seconds back (MySQL keeps whole seconds). */
    static void poll(String base, String definition, Map<String, Long> ended, Runnable onEnd) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        while (true) {
            try {
                long now = System.nanoTime();
                String after = URLEncoder.encode(ZonedDateTime.now().minusSeconds(4).format(format), StandardCharsets.UTF_8);
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base
                                + "/engine-rest/history/process-instance?processDefinitionKey=" + definition
                                + "&finished=true&finishedAfter=" + after + "&maxResults=20000"))
                        .header("Authorization", ADMIN).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher m = HIST.matcher(response.body());
                while (m.find()) {
                    ended.putIfAbsent(m.group(1), now);
                }
                onEnd.run();
                Thread.sleep(100);
            } catch (Exception e) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    static void sampleHeap(String[] bases, AtomicLong maxHeap) {
        Pattern value = Pattern.compile("\"statistic\"\\s*:\\s*\"VALUE\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.E+]+)");
        while (true) {
            for (String base : bases) {
                try {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base
                                    + "/actuator/metrics/jvm.memory.used?tag=area:heap")).header("Authorization", ADMIN)
                            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    Matcher m = value.matcher(response.body());
                    if (response.statusCode() == 200 && m.find()) {
                        long bytes = (long) Double.parseDouble(m.group(1));
                        maxHeap.accumulateAndGet(bytes, Math::max);
                    }
                } catch (Exception ignored) {
                    // a killed node answers nothing
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static HttpRequest post(String url, String auth, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    static String ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1);
        return (sorted.get(Math.max(0, index)) / 1_000_000) + "ms";
    }
}
