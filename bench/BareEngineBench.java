import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The bare-engine baseline of bench/e2e.sh: a plain Camunda 7 engine (the version in the app's jar, started with
 * StandaloneProcessEngineConfiguration: no Spring, no HTTP, no web apps, no authorization) running the no-op copies of
 * FapiaoFlow's request, issuance and delivery models (bench/lib/noop_processes.py: the same events, async points,
 * retry cycles, DMN tasks, gateways and call activities, service tasks that do nothing), with the app's history level,
 * id generator, JDBC batching, job executor settings and connection pool, on the same kind of database.
 *
 * <pre>
 * java -cp 'LIB/*' bench/BareEngineBench.java MODELS_DIR JDBC_URL USER PASSWORD RATE SECONDS [RATE SECONDS …]
 *   MODELS_DIR  the no-op BPMN files and the DMN tables they call
 *   RATE        starts per second (open loop) or "sat": closed loop keeping 100 unfinished, like bench/LoadBench.java
 * </pre>
 * Done, as in LoadBench, = the root instance (bench-noop-request) ended, seen by polling the history every 100 ms.
 * Prints one line per phase in LoadBench's format (kind "bare").
 */
public class BareEngineBench {

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args[0]);
        String url = args[1], user = args[2], password = args[3];
        ProcessEngine engine = engine(url, user, password);
        try {
            DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare-bench")
                    .enableDuplicateFiltering(false);
            try (var files = Files.list(models)) {
                for (Path file : files.sorted().toList()) {
                    deployment.addInputStream(file.getFileName().toString(), Files.newInputStream(file));
                }
            }
            deployment.deploy();
            phase(engine, "sat", 5, true); // warm-up, not printed
            for (int i = 4; i + 1 < args.length; i += 2) {
                phase(engine, args[i], Integer.parseInt(args[i + 1]), false);
            }
        } finally {
            engine.close();
        }
    }

    static ProcessEngine engine(String url, String user, String password) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        if (url.startsWith("jdbc:mysql:")) {
            // as application-mysql.yml
            pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
            pool.setMaximumPoolSize(20);
            Properties p = new Properties();
            p.setProperty("cachePrepStmts", "true");
            p.setProperty("prepStmtCacheSize", "500");
            p.setProperty("prepStmtCacheSqlLimit", "8192");
            p.setProperty("useLocalSessionState", "true");
            p.setProperty("cacheServerConfiguration", "true");
            p.setProperty("maintainTimeStats", "false");
            pool.setDataSourceProperties(p);
        } else {
            pool.setMaximumPoolSize(Integer.getInteger("bench.pool", 20));
        }
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setDataSource(new HikariDataSource(pool));
        config.setDatabaseSchemaUpdate("true");
        config.setHistory("full");
        config.setIdGenerator(new StrongUuidGenerator());   // the Spring Boot starter's default
        config.setJdbcBatchProcessing(true);
        config.setJobExecutorActivate(true);
        config.setJavaSerializationFormatEnabled(false);
        config.setHistoryTimeToLive("P1095D");            // as application.yml
        config.setEnforceHistoryTimeToLive(false);
        DefaultJobExecutor jobs = new DefaultJobExecutor();
        // as application.yml's camunda.bpm.job-execution
        jobs.setCorePoolSize(Integer.getInteger("bench.jobs.core", 4));
        jobs.setMaxPoolSize(Integer.getInteger("bench.jobs.max", 8));
        jobs.setQueueSize(Integer.getInteger("bench.jobs.queue", 16));
        jobs.setMaxJobsPerAcquisition(Integer.getInteger("bench.jobs.acquisition", 8));
        jobs.setWaitTimeInMillis(Integer.getInteger("bench.jobs.wait", 200));
        jobs.setMaxWait(Long.getLong("bench.jobs.max-wait", 2000));
        jobs.setLockTimeInMillis(60000);
        config.setJobExecutor(jobs);
        return config.buildProcessEngine();
    }

    static void phase(ProcessEngine engine, String rateArg, int seconds, boolean quiet) throws Exception {
        boolean saturation = rateArg.equals("sat");
        double rate = saturation ? 0 : Double.parseDouble(rateArg);
        int planned = saturation ? Math.max(400, seconds * 400) : (int) Math.ceil(rate * seconds);
        String run = Long.toString(System.nanoTime(), 36);
        Map<String, Long> started = new ConcurrentHashMap<>(), ended = new ConcurrentHashMap<>();
        Set<String> released = ConcurrentHashMap.newKeySet();
        Semaphore window = new Semaphore(saturation ? 100 : 1 << 30);
        AtomicInteger failed = new AtomicInteger();
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    long now = System.nanoTime();
                    for (HistoricProcessInstance done : engine.getHistoryService().createHistoricProcessInstanceQuery()
                            .processDefinitionKey("bench-noop-request").finished()
                            .finishedAfter(new java.util.Date(System.currentTimeMillis() - 4000)).list()) {
                        if (done.getBusinessKey().startsWith(run) && ended.putIfAbsent(done.getBusinessKey(), now) == null
                                && started.containsKey(done.getBusinessKey()) && released.add(done.getBusinessKey())) {
                            window.release();
                        }
                    }
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    System.err.println(e);
                }
            }
        });
        poller.setDaemon(true);
        poller.start();
        // clients that start instances; each holds a pool connection while it starts one (-Dbench.clients)
        ExecutorService clients = Executors.newFixedThreadPool(Integer.getInteger("bench.clients", 8));
        CountDownLatch inFlight = new CountDownLatch(planned);
        long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
        int i = 0;
        for (; i < planned && System.nanoTime() < end; i++) {
            if (saturation) {
                if (!window.tryAcquire(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
            } else {
                long wait = t0 + (long) (i * 1e9 / rate) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            String key = run + "-" + i;
            clients.execute(() -> {
                try {
                    long before = System.nanoTime();
                    Map<String, Object> variables = new HashMap<>();   // what FapiaoFlow's validation sets
                    variables.put("requestId", 1L);
                    variables.put("invoiceType", "NORMAL");
                    variables.put("buyerType", "PERSONAL");
                    variables.put("taxpayerKind", null);
                    variables.put("totalAmountFen", 199900L);
                    variables.put("delivery", "EMAIL");
                    engine.getRuntimeService().startProcessInstanceByKey("bench-noop-request", key, variables);
                    started.put(key, before);
                    accepted.add(key);
                    if (ended.containsKey(key) && released.add(key)) {
                        window.release();
                    }
                } catch (RuntimeException e) {
                    if (failed.incrementAndGet() <= 3) {
                        System.err.println(e);
                    }
                    window.release();
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
        poller.interrupt();
        clients.shutdownNow();
        long lastEnd = 0;
        List<Long> done = new ArrayList<>();
        for (String key : accepted) {
            Long seen = ended.get(key);
            if (seen != null) {
                done.add(Math.max(0, seen - started.get(key)));
                lastEnd = Math.max(lastEnd, seen);
            }
        }
        Collections.sort(done);
        if (!quiet) {
            System.out.printf("%-5s %-8s offered=%d in %.1fs  accepted=%d shed(503/429)=0 failed=%d finished=%d  "
                            + "median=%s p90=%s p99=%s max=%s  throughput=%.1f/s  max-heap=n/a%n",
                    "bare", saturation ? "sat" : rateArg + "/s", offered, offerSeconds, accepted.size(), failed.get(),
                    done.size(), ms(done, 0.5), ms(done, 0.9), ms(done, 0.99), ms(done, 1.0),
                    done.isEmpty() ? 0.0 : done.size() / ((lastEnd - t0) / 1e9));
        }
    }

    static String ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1);
        return (sorted.get(Math.max(0, index)) / 1_000_000) + "ms";
    }
}
