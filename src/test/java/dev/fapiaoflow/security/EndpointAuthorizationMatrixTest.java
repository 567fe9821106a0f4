package dev.fapiaoflow.security;

import dev.fapiaoflow.shared.Groups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import dev.fapiaoflow.support.FormLogin;
import dev.fapiaoflow.support.SpringTestBase;

/**
 * Who gets through where, for every endpoint: the table {@code src/test/resources/security/endpoint-matrix.txt}
 * (format in its header) lists each mapped endpoint — every Spring MVC handler method (pages, API, actuator,
 * springdoc, error) — and a representative set of Camunda's {@code /engine-rest} and {@code /camunda} paths, with
 * the roles that may call it. The test fails for a mapped endpoint without a row, for a row without an endpoint,
 * and for any role that is let in where the table says no, or refused where it says yes.
 *
 * <p>"Refused" is what the security layer answers: 401, 403, or a redirect to the login page. Anything else
 * (200, 400, 404, 409...) means the caller got past it, whatever the probe's dummy ids and empty bodies then caused.
 * Path variables are probed with {@code 0}, which names no one's object; object-level rules (404 for someone
 * else's object) have their own tests.
 */
class EndpointAuthorizationMatrixTest extends SpringTestBase {

    static final String TABLE = "security/endpoint-matrix.txt";
    /** the demo users, one per role (manager is also a reviewer, admin also a Camunda administrator) */
    static final List<String> USERS = List.of("alice", "acme", "shop", "reviewer", "manager", "service", "owner", "admin");
    static final String ANONYMOUS = "anonymous";
    /** paths served by Camunda's servlets and filters, not by Spring MVC: rows for them are probes over HTTP */
    static final List<String> CAMUNDA_PREFIXES = List.of("/engine-rest/", "/camunda/");

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityService identityService;

    @Test
    void everyMappedEndpointHasARowAndEveryRowAnEndpoint() throws IOException {
        Map<String, Row> rows = readTable();
        Map<String, String> mapped = mappedEndpoints();

        List<String> missing = mapped.entrySet().stream().filter(endpoint -> !rows.containsKey(endpoint.getKey()))
                .map(endpoint -> endpoint.getKey() + "    <who>      (" + endpoint.getValue() + ")").toList();
        List<String> stale = rows.keySet().stream()
                .filter(key -> !mapped.containsKey(key) && CAMUNDA_PREFIXES.stream().noneMatch(prefix -> pathOf(key).startsWith(prefix)))
                .toList();

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(missing).as("endpoints without a row in src/test/resources/" + TABLE
                    + " — add one line per endpoint: METHOD PATH WHO (who may call it; see the file's header)").isEmpty();
            softly.assertThat(stale).as("rows in src/test/resources/" + TABLE + " naming no mapped endpoint (renamed or removed?)")
                    .isEmpty();
        });
    }

    @Test
    void everyRoleGetsTheAnswerTheTableGivesIt() throws Exception {
        Map<String, Row> rows = readTable();
        Map<String, Set<String>> groupsOf = new LinkedHashMap<>();
        for (String user : USERS) {
            groupsOf.put(user, new LinkedHashSet<>(identityService.createGroupQuery().groupMember(user).list().stream()
                    .map(Group::getId).toList()));
        }
        Map<String, HttpClient> sessions = new LinkedHashMap<>();

        List<String> wrong = new ArrayList<>();
        for (Row row : rows.values()) {
            for (String user : withAnonymous()) {
                boolean expected = row.allows(user, groupsOf.getOrDefault(user, Set.of()));
                Answer answer = isCamundaPath(row.path()) ? probeOverHttp(row, user, sessions)
                        : probe(row, user, groupsOf.getOrDefault(user, Set.of()));
                if (answer.refused() == expected) {
                    wrong.add(String.format("%-7s %-45s %-9s expected %-7s got %s", row.method(), row.path(), user,
                            expected ? "allowed" : "refused", answer));
                }
            }
        }
        assertThat(wrong).as("answers that differ from src/test/resources/" + TABLE).isEmpty();
    }

    // ---- the table ----

    record Row(String method, String path, Set<String> who, int line) {

        boolean allows(String user, Set<String> groups) {
            if (who.contains("anyone")) {
                return true;
            }
            if (user.equals(ANONYMOUS) || who.contains("nobody")) {
                return false;
            }
            if (who.contains("people") && !groups.equals(Set.of(Groups.SHOP))) {
                return true;
            }
            return groups.stream().anyMatch(who::contains);
        }
    }

    static final Set<String> KNOWN_WHO = Set.of("anyone", "people", "nobody", Groups.CUSTOMER, Groups.SHOP,
            Groups.FINANCE_REVIEWER, Groups.FINANCE_MANAGER, Groups.CUSTOMER_SERVICE, Groups.PROCESS_OWNER, Groups.ADMIN,
            Groups.CAMUNDA_ADMIN);

    static Map<String, Row> readTable() throws IOException {
        Map<String, Row> rows = new TreeMap<>();
        try (InputStream in = EndpointAuthorizationMatrixTest.class.getClassLoader().getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE).isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].replaceAll("#.*", "").trim();
                if (line.isEmpty()) {
                    continue;
                }
                String[] columns = line.split("\\s+");
                assertThat(columns).as(TABLE + " line " + (i + 1) + ": METHOD PATH WHO").hasSize(3);
                Set<String> who = new LinkedHashSet<>(List.of(columns[2].split(",")));
                assertThat(KNOWN_WHO).as(TABLE + " line " + (i + 1) + ": who").containsAll(who);
                Row row = new Row(columns[0], columns[1], who, i + 1);
                Row before = rows.put(key(row.method(), row.path()), row);
                assertThat(before).as(TABLE + " line " + (i + 1) + " repeats line " + (before == null ? 0 : before.line())).isNull();
            }
        }
        return rows;
    }

    /** "METHOD pattern" → handler, for every handler method of every request-mapping handler mapping */
    private Map<String, String> mappedEndpoints() {
        Map<String, String> endpoints = new TreeMap<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("*")
                        : info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
                String handler = entry.getValue().getBeanType().getSimpleName() + "#" + entry.getValue().getMethod().getName();
                for (String pattern : info.getPatternValues()) {
                    for (String method : methods) {
                        endpoints.put(key(method, pattern), handler);
                    }
                }
            }
        }
        return endpoints;
    }

    private static String key(String method, String path) {
        return method + " " + path;
    }

    private static String pathOf(String key) {
        return key.substring(key.indexOf(' ') + 1);
    }

    private static List<String> withAnonymous() {
        List<String> users = new ArrayList<>();
        users.add(ANONYMOUS);
        users.addAll(USERS);
        return users;
    }

    private static boolean isCamundaPath(String path) {
        return CAMUNDA_PREFIXES.stream().anyMatch(path::startsWith);
    }

    // ---- probes ----

    record Answer(int status, String location) {

        boolean refused() {
            return status == 401 || status == 403 || (status / 100 == 3 && location != null && location.contains("/login"));
        }

        @Override
        public String toString() {
            return status + (location == null ? "" : " → " + location);
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}|\\*\\*|\\*");

    /** path variables and wildcards filled with 0, an id no object has */
    static String concrete(String pattern) {
        Matcher matcher = VARIABLE.matcher(pattern);
        return matcher.replaceAll("0");
    }

    /**
     * through MockMvc: the whole Spring Security filter chain and Spring MVC, with a valid CSRF token, logged in as
     * the user with their groups from the identity store (as the login provider would; logins have their own tests)
     */
    private Answer probe(Row row, String user, Set<String> groups) throws Exception {
        String method = row.method().equals("*") ? "GET" : row.method();
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), concrete(row.path()))
                .accept(MediaType.ALL).with(csrf());
        if (!method.equals("GET") && !method.equals("HEAD")) {
            request.contentType(MediaType.APPLICATION_JSON).content("");
        }
        if (!user.equals(ANONYMOUS)) {
            request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                    groups.stream().map(SimpleGrantedAuthority::new).toList())));
        }
        try {
            MockHttpServletResponse response = mockMvc.perform(request).andReturn().getResponse();
            return new Answer(response.getStatus(), response.getRedirectedUrl());
        } catch (jakarta.servlet.ServletException thrownByTheHandler) {
            // past the security layer: the server (outside MockMvc) would answer 500
            return new Answer(500, null);
        }
    }

    /**
     * over HTTP (Camunda's servlets are outside MockMvc): {@code /engine-rest} with HTTP Basic as Camunda Modeler
     * sends it, {@code /camunda} with the session of a form login, as a browser
     */
    private Answer probeOverHttp(Row row, String user, Map<String, HttpClient> sessions) throws Exception {
        String method = row.method().equals("*") ? "GET" : row.method();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + concrete(row.path())))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/json, text/html");
        HttpClient client = HttpClient.newHttpClient();
        if (!user.equals(ANONYMOUS)) {
            if (row.path().startsWith("/engine-rest/")) {
                request.header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
            } else {
                client = sessions.computeIfAbsent(user, this::loggedIn);
            }
        }
        HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null));
    }

    private HttpClient loggedIn(String user) {
        return FormLogin.loggedIn(port, user);
    }
}
