import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Single verifications per second over HTTP/1.1 keep-alive against a trivial endpoint of the same app, in the same
 * run. Closed loop: each client thread has its own HttpClient (one persistent connection) and sends its next request
 * as soon as the answer is in, so the server is saturated; latencies are per request.
 *
 * Usage: java bench/VerifyBench.java BASE_URL [threads] [seconds] [invoices] [server pid]
 * (the app must run with the demo users and a rate limit high enough not to answer 429). With the server's pid (same
 * machine, Linux) it also prints the server's CPU milliseconds per request of each endpoint, from /proc/PID/stat: on a
 * machine shared with other work the server gets a varying share of the cores, and CPU per request does not depend
 * on that share the way requests per second do.
 */
public class VerifyBench {

    private static final Pattern LISTED = Pattern.compile(
            "\"number\":\"(\\d{20})\",\"issueDate\":\"([0-9-]{10})\"[^}]*?\"totalAmount\":\"([0-9.]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceAll("/$", "");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int invoices = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        serverPid = args.length > 4 ? Long.parseLong(args[4]) : -1;

        List<String> checks = issueInvoices(base, invoices);
        System.out.printf("issued invoices: %d; client threads: %d; %d s measured after %d s warm-up per endpoint%n",
                checks.size(), threads, seconds, seconds / 4);

        Result health = run(base, threads, seconds, i -> HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET());
        Result verify = run(base, threads, seconds, i -> HttpRequest.newBuilder(URI.create(base + "/api/verifications"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(checks.get(i % checks.size()))));

        System.out.println();
        System.out.printf("%-34s %10s %9s %9s %9s %8s %13s%n", "endpoint", "req/s", "median", "p90", "p99", "non-200",
                "server CPU/req");
        health.print("GET /actuator/health (baseline)");
        verify.print("POST /api/verifications (MATCH)");
        System.out.printf("%nverification throughput / baseline: %.2f (%.0f%%); median latency x%.1f%n",
                verify.perSecond / health.perSecond, 100 * verify.perSecond / health.perSecond,
                verify.percentile(50) / health.percentile(50));
        if (serverPid > 0) {
            System.out.printf("baseline / verification in server CPU per request: %.2f%n",
                    health.cpuMillisPerRequest() / verify.cpuMillisPerRequest());
        }
    }

    static long serverPid = -1;

    /** CPU time (user + system) the server process has used so far, in milliseconds; -1 without a pid */
    static double serverCpuMillis() throws Exception {
        if (serverPid <= 0) {
            return -1;
        }
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + serverPid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields after the command: state is [0], so utime (14th of the line) is [11] and stime [12]; clock ticks of 10 ms
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
    }

    interface RequestFactory {
        HttpRequest.Builder request(int i);
    }

    record Result(double perSecond, long[] nanos, long errors, double cpuMillis) {

        double cpuMillisPerRequest() {
            return cpuMillis / nanos.length;
        }

        double percentile(double p) {
            int index = (int) Math.ceil(p / 100 * nanos.length) - 1;
            return nanos[Math.max(0, Math.min(index, nanos.length - 1))] / 1e6;
        }

        void print(String label) {
            System.out.printf("%-34s %10.0f %7.2fms %7.2fms %7.2fms %8d %13s%n", label, perSecond, percentile(50),
                    percentile(90), percentile(99), errors, cpuMillis < 0 ? "-" : String.format("%.2f ms", cpuMillisPerRequest()));
        }
    }

    /** Warm-up (a quarter of the time, not counted), then the measured run; every thread loops until told to stop. */
    static Result run(String base, int threads, int seconds, RequestFactory factory) throws Exception {
        drive(threads, Math.max(2, seconds / 4), factory);
        return drive(threads, seconds, factory);
    }

    static Result drive(int threads, int seconds, RequestFactory factory) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[threads];
        long[] errors = new long[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            Thread worker = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                try {
                    start.await();
                    int i = me * 7919;
                    while (!stop.get() && counts[me] < mine.length) {
                        HttpRequest request = factory.request(i++).timeout(Duration.ofSeconds(30)).build();
                        long sent = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - sent;
                        if (!stop.get()) {
                            mine[counts[me]++] = took;
                            if (response.statusCode() != 200) {
                                errors[me]++;
                            }
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        double cpuBefore = serverCpuMillis();
        long began = System.nanoTime();
        start.countDown();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        long elapsed = System.nanoTime() - began;
        for (Thread worker : workers) {
            worker.join();
        }
        double cpu = cpuBefore < 0 ? -1 : serverCpuMillis() - cpuBefore;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(total / (elapsed / 1e9), all, Arrays.stream(errors).sum(), cpu);
    }

    /** The shop pushes paid orders, alice applies for normal invoices, the process issues them; gives check bodies. */
    static List<String> issueInvoices(String base, int count) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<Long> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String orderNo = "VB-" + run + "-" + i;
            String price = (100 + i) + ".00";
            call(client, base, "shop", "POST", "/api/orders", """
                    {"orderNo":"%s","customer":"alice","paidAt":"2026-11-20T10:00:00+08:00","paidAmount":"%s","status":"PAID",
                     "items":[{"sku":"PY-101","name":"Python 入门课","category":"TRAINING","quantity":"1","unitPrice":"%s"}]}"""
                    .formatted(orderNo, price, price));
            String created = call(client, base, "alice", "POST", "/api/invoice-requests", """
                    {"orderNos":["%s"],"invoiceType":"NORMAL","email":"alice@example.com","delivery":"EMAIL",
                     "buyer":{"buyerType":"PERSONAL","title":"爱丽丝"}}""".formatted(orderNo));
            Matcher id = ID.matcher(created);
            id.find();
            requests.add(Long.parseLong(id.group(1)));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (long request : requests) {
            while (true) {
                Matcher status = STATUS.matcher(call(client, base, "alice", "GET", "/api/invoice-requests/" + request, null));
                status.find();
                if (status.group(1).equals("ISSUED") || status.group(1).equals("DELIVERED")) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("request " + request + " still " + status.group(1));
                }
                Thread.sleep(200);
            }
        }
        List<String> checks = new ArrayList<>();
        Matcher listed = LISTED.matcher(call(client, base, "alice", "GET", "/api/invoices?size=100", null));
        while (listed.find() && checks.size() < count) {
            checks.add("{\"number\":\"%s\",\"issueDate\":\"%s\",\"totalAmount\":\"%s\"}"
                    .formatted(listed.group(1), listed.group(2), listed.group(3)));
        }
        if (checks.isEmpty()) {
            throw new IllegalStateException("no invoices listed");
        }
        return checks;
    }

    static String call(HttpClient client, String base, String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
