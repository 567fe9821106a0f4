package dev.fapiaoflow.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenID Connect provider of the sign-on {@code *IT} tests: a Keycloak with the realm {@code fapiaoflow}
 * ({@code deploy/keycloak/fapiaoflow-realm.json}: the demo users, password {@code demo}, and their groups), started once
 * per JVM (one Failsafe run), the way {@link DatabaseServer} finds MariaDB:
 * <ol>
 *   <li>the Keycloak at {@code http://127.0.0.1:8180} when its realm {@code fapiaoflow} answers;</li>
 *   <li>otherwise Keycloak's own server distribution, which the build unpacks from Maven Central
 *       ({@code org.keycloak:keycloak-quarkus-dist}, pom.xml) into {@code target/keycloak}: {@code start-dev
 *       --import-realm} with an in-memory database on a free port of 127.0.0.1, stopped when the JVM exits;</li>
 *   <li>otherwise the tests fail with both reasons.</li>
 * </ol>
 * {@code FAPIAOFLOW_IT_KEYCLOAK=local} or {@code =start} (environment or system property) forces one. Keycloak takes
 * long to start on a small machine (measured: see {@link #startedIn}); that is why there is one per run.
 */
public record KeycloakServer(String baseUrl, String description, Duration startedIn) {

    public static final String REALM = "fapiaoflow";
    static final String LOCAL_URL = "http://127.0.0.1:8180";
    static final String CHOICE = "FAPIAOFLOW_IT_KEYCLOAK";
    static final Path REALM_FILE = Path.of("deploy/keycloak/fapiaoflow-realm.json");
    private static final Duration START_LIMIT = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

    private static KeycloakServer running;

    /** the realm's issuer: what tokens name in {@code iss} and what the app discovers the provider from */
    public String issuer() {
        return baseUrl + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public static synchronized KeycloakServer get() {
        if (running == null) {
            running = choose();
            log.info("Sign-on tests use the {}", running.description());
        }
        return running;
    }

    private static KeycloakServer choose() {
        String choice = System.getProperty(CHOICE, System.getenv().getOrDefault(CHOICE, "auto")).toLowerCase(Locale.ROOT);
        String localProblem = "not tried (" + CHOICE + "=" + choice + ")";
        if (!choice.equals("start")) {
            if (answers(LOCAL_URL)) {
                return new KeycloakServer(LOCAL_URL, "local Keycloak at " + LOCAL_URL, Duration.ZERO);
            }
            localProblem = "realm " + REALM + " does not answer";
        }
        String startProblem = "not tried (" + CHOICE + "=" + choice + ")";
        if (!choice.equals("local")) {
            try {
                return start();
            } catch (IOException | RuntimeException e) {
                startProblem = e.toString();
            }
        }
        throw new IllegalStateException("""
                No Keycloak for the sign-on integration tests.
                  %s: %s
                  Keycloak's distribution unpacked by the build (%s): %s"""
                .formatted(LOCAL_URL, localProblem, home(), startProblem));
    }

    private static Path home() {
        return Path.of(System.getProperty("fapiaoflow.it.keycloak-home", "target/keycloak/keycloak"));
    }

    private static KeycloakServer start() throws IOException {
        Path home = home();
        Path script = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException(script + " is missing: run the integration tests through Maven (verify), "
                    + "which unpacks org.keycloak:keycloak-quarkus-dist into target/keycloak");
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(REALM_FILE, imports.resolve("fapiaoflow-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        int port = freePort();
        String url = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>(List.of(script.toString(), "start-dev", "--import-realm",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + freePort(),
                // nothing kept between runs: the realm file is imported into a fresh database each time
                "--db=dev-mem", "--cache=local"));
        Path output = Path.of("target/keycloak-it.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx768m");
        long begin = System.nanoTime();
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "keycloak-stop"));
        try {
            Waiting.until("Keycloak at " + url + " (its output: " + output.toAbsolutePath() + ")", START_LIMIT, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + output.toAbsolutePath());
                }
                return answers(url);
            });
        } catch (RuntimeException | AssertionError e) {
            stop(process);
            throw new IllegalStateException(e.getMessage(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        log.info("Keycloak started in {} s", took.toMillis() / 1000.0);
        return new KeycloakServer(url, "Keycloak " + home.getFileName() + " started by the tests at " + url
                + " in " + took.toMillis() / 1000.0 + " s", took);
    }

    private static void stop(Process process) {
        // kc.sh runs Keycloak's JVM as its child: stop that one first, then the script
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private static boolean answers(String baseUrl) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + REALM + "/.well-known/openid-configuration"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
