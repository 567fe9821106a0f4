package dev.fapiaoflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.shared.upload.HostileFiles;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.Requests;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.support.Waiting;

/**
 * Corpus-driven robustness test: valid bodies of the public and customer API, mutated at random (seeded, so a
 * failure replays) with wrong types, huge strings, control characters, unusual Unicode, SQL and script fragments,
 * broken JSON and wrong content types. No answer may be a 5xx, and a refused request must not have written a row.
 */
class MalformedInputTest extends SpringTestBase {

    private static final long SEED = 20261125L;
    private static final String FUZZ = "fuzz-customer";
    private static final int REQUESTS = 10_000;

    /** the tables the fuzzed endpoints write synchronously; a refusal must leave every count as it was */
    private static final List<String> WRITTEN_TABLES = List.of("customer_order", "order_item", "buyer_profile",
            "invoice_request", "invoice_request_order", "order_claim", "idempotency_record", "buyer_supplement", "dispute",
            "dispute_message", "verification_record", "verification_batch", "verification_batch_row", "periodic_subscription",
            "foreign_check", "incoming_invoice", "maintenance_window");

    private static final String HUGE = "发".repeat(20_000);
    private static final List<JsonNode> NASTY_VALUES = nastyValues();

    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    /** without the shared MockMvc's print-on-failure buffer, which would keep all 10,000 exchanges in memory */
    private org.springframework.test.web.servlet.MockMvc mvc;

    private final Random random = new Random(SEED);

    @Test
    void tenThousandMalformedRequestsGetNo5xxAndWriteNothingWhenRefused() throws Exception {
        mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        long invoiceId = new IssuedInvoices(this::client).forAlice("120.00").get("id").asLong();
        long requestId = jdbc.queryForObject("SELECT max(id) FROM invoice_request WHERE customer = 'alice'", Long.class);
        long disputeId = aliceDispute(invoiceId);
        awaitJobsIdle();

        List<Target> targets = targets(invoiceId, requestId, disputeId);
        int totalWeight = targets.stream().mapToInt(Target::weight).sum();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> partialWrites = new ArrayList<>();
        String countQuery = "SELECT " + WRITTEN_TABLES.stream().map(t -> "(SELECT count(*) FROM " + t + ")")
                .collect(Collectors.joining(", "));

        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Target target = pick(targets, totalWeight);
            Map<String, Object> before = jdbc.queryForMap(countQuery);
            MockHttpServletRequestBuilder built = target.request().get();
            MvcResult result = mvc.perform(built).andReturn();
            int status = result.getResponse().getStatus();
            statuses.merge(target.name() + " " + status, 1, Integer::sum);
            if (target.name().equals("maintenance-window") && status == 201) {
                // a mutation that is still a valid window (a start of -1 is 1969) would pause verification from now on
                long id = json.readTree(result.getResponse().getContentAsByteArray()).get("id").asLong();
                mvc.perform(request(HttpMethod.DELETE, "/api/maintenance-windows/" + id).with(as("fuzz-admin", "admin"))).andReturn();
            }
            if (status >= 500 && serverErrors.size() < 20) {
                serverErrors.add(target.name() + " -> " + status + ": " + describe(result));
            }
            if (status >= 400 && status < 500) {
                Map<String, Object> after = jdbc.queryForMap(countQuery);
                if (!after.equals(before) && partialWrites.size() < 20) {
                    partialWrites.add(target.name() + " -> " + status + " changed " + before + " to " + after + ": " + describe(result));
                }
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        System.out.printf("MalformedInputTest: %d requests in %d s, answers %s%n", REQUESTS, seconds, statuses);
        assertThat(serverErrors).as("5xx answers").isEmpty();
        assertThat(partialWrites).as("refused requests that wrote rows").isEmpty();
        assertThat(statuses.keySet()).as("every target was refused at least once")
                .anySatisfy(k -> assertThat(k).startsWith("orders 4"))
                .anySatisfy(k -> assertThat(k).startsWith("batch 4"))
                .anySatisfy(k -> assertThat(k).startsWith("dispute 4"));
    }

    /**
     * Issue 16: hostile files (external entities, entity bombs, zip bombs, thousands of entries) at every upload door
     * that takes a file: the anonymous document check (API and page), batch verification (API and page) and the
     * Flowable import. Each gets a 4xx, none a 5xx; no request reaches the attacker's listener and no row is written.
     */
    @Test
    void hostileFilesAtEveryUploadDoorGet4xxWriteNothingAndFetchNothing() throws Exception {
        mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        String countQuery = "SELECT " + WRITTEN_TABLES.stream().map(t -> "(SELECT count(*) FROM " + t + ")")
                .collect(Collectors.joining(", "));
        List<String> wrong = new ArrayList<>();
        try (HostileFiles.Listener attacker = new HostileFiles.Listener()) {
            String xxe = HostileFiles.externalEntityDoctype("root", attacker.url());
            String laughs = HostileFiles.billionLaughsDoctype("root");
            byte[] xlsx = dev.fapiaoflow.verification.internal.BatchFiles.xlsx(new String[] { "26110000000000000123", "2026-11-03", "1.00" });
            Map<String, byte[]> documents = new LinkedHashMap<>();
            documents.put("OFD with an external entity", HostileFiles.ofd(xxe.replace("root", "ofd:OFD"), "&xxe;"));
            documents.put("OFD with a billion laughs", HostileFiles.ofd(laughs.replace("root", "ofd:OFD"), "&lol9;"));
            documents.put("OFD zip bomb", HostileFiles.ofdZipBomb(4, 50));
            documents.put("OFD of 3000 files", HostileFiles.manyEntries(HostileFiles.ofd("", "x"), 3000));
            documents.put("PDF whose XFA packet declares an external entity", HostileFiles.pdfWithXfa(
                    HostileFiles.externalEntityDoctype("xdp:xdp", attacker.url()) + "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\">&xxe;</xdp:xdp>"));
            Map<String, byte[]> batches = new LinkedHashMap<>();
            batches.put("XLSX with an external entity", HostileFiles.replaceEntry(xlsx, "xl/worksheets/sheet1.xml",
                    sheet -> xxe.replace("root", "worksheet") + sheet.substring(sheet.indexOf("<worksheet"))));
            batches.put("XLSX with a billion laughs", HostileFiles.replaceEntry(xlsx, "[Content_Types].xml",
                    types -> laughs.replace("root", "Types") + types.substring(types.indexOf("<Types"))));
            batches.put("XLSX zip bomb", dev.fapiaoflow.verification.internal.BatchFiles.zipBomb());
            batches.put("XLSX of 3000 files", HostileFiles.manyEntries(xlsx, 3000));
            byte[] bpmn = (xxe.replace("root", "definitions") + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">"
                    + "<process id=\"p\">&xxe;</process></definitions>").getBytes(StandardCharsets.UTF_8);

            List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
            List<String> names = new ArrayList<>();
            documents.forEach((name, content) -> {
                boolean pdf = new String(content, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
                MockMultipartFile file = new MockMultipartFile("file", pdf ? "f.pdf" : "f.ofd", pdf ? "application/pdf" : "application/ofd", content);
                names.add("document API: " + name);
                requests.add(multipart("/api/verifications/document").file(file)
                        .with(anonymousClient()));
                names.add("incoming-invoice document API: " + name);
                requests.add(multipart("/api/incoming-invoices/document").file(file)
                        .with(as("fuzz-finance", "finance-reviewer")));
                names.add("document page: " + name);
                requests.add(multipart("/verify/document").file(file)
                        .with(anonymousClient()).with(SecurityMockMvcRequestPostProcessors.csrf()));
            });
            batches.forEach((name, file) -> {
                names.add("batch API: " + name);
                requests.add(multipart("/api/verifications/batch").file(new MockMultipartFile("file", "b.xlsx", "application/octet-stream", file))
                        .with(as(FUZZ, Groups.CUSTOMER)));
                names.add("batch page: " + name);
                requests.add(multipart("/verify/batch").file(new MockMultipartFile("file", "b.xlsx", "application/octet-stream", file))
                        .with(as(FUZZ, Groups.CUSTOMER)).with(SecurityMockMvcRequestPostProcessors.csrf()));
            });
            names.add("Flowable import: BPMN with an external entity");
            requests.add(multipart("/api/models/flowable-import").file(new MockMultipartFile("file", "p.bpmn20.xml", "text/xml", bpmn))
                    .with(as("owner", Groups.PROCESS_OWNER)));

            for (int i = 0; i < requests.size(); i++) {
                Map<String, Object> before = jdbc.queryForMap(countQuery);
                MvcResult result = mvc.perform(requests.get(i)).andReturn();
                int status = result.getResponse().getStatus();
                if (status < 400 || status >= 500) {
                    wrong.add(names.get(i) + " -> " + status);
                }
                if (!jdbc.queryForMap(countQuery).equals(before)) {
                    wrong.add(names.get(i) + " wrote rows");
                }
            }
            assertThat(attacker.hits()).as("requests that reached the attacker's listener").isZero();
        }
        assertThat(wrong).isEmpty();
    }

    private List<Target> targets(long invoiceId, long requestId, long disputeId) {
        // side effects stay with a customer of its own ("fuzz"), and the checks are 400 before anything is recorded
        ObjectNode order = tree(Orders.paidTrainingOrder(FUZZ, "FUZZ-1", "99.00"));
        ObjectNode profile = tree(Requests.acmeFullDetails());
        ObjectNode specialRequest = tree(Requests.acmeSpecialByPost(List.of("FUZZ-NONE")));
        ObjectNode normalRequest = tree(Requests.personalNormal(List.of("FUZZ-NONE"), "爱丽丝", "alice@example.com"));
        ObjectNode supplement = tree(Requests.acmeFullDetails());
        ObjectNode dispute = tree(Map.of("reason", "WRONG_TITLE", "description", "抬头少了字",
                "correction", Map.of("title", "北京某某科技有限公司")));
        ObjectNode message = tree(Map.of("text", ""));
        ObjectNode verification = tree(Map.of("number", "2611000000000000012", "issueDate", "2026-11-03", "totalAmount", "1999.00"));
        ObjectNode periodic = tree(Map.of("frequency", "MONTHLY", "buyerProfileId", 1, "email", "ap@example.com"));
        // seeds that are refused before anything is asked or written: a future issue date, an end before the start
        ObjectNode foreignCheck = tree(Map.of("kind", "31", "number", "26110000000000000123", "issueDate", "2099-01-01",
                "totalAmount", "1999.00"));
        ObjectNode window = tree(Map.of("startsAt", "2099-01-02T00:00:00Z", "endsAt", "2099-01-01T00:00:00Z",
                "message", "升级数据库"));
        RequestPostProcessor finance = as("fuzz-finance", "finance-reviewer");
        RequestPostProcessor admin = as("fuzz-admin", "admin");
        RequestPostProcessor shop = as("shop", Groups.SHOP);
        RequestPostProcessor alice = as("alice", Groups.CUSTOMER);
        RequestPostProcessor fuzz = as(FUZZ, Groups.CUSTOMER);
        return List.of(
                new Target("orders", 15, () -> json(HttpMethod.POST, "/api/orders", order, shop)),
                new Target("buyer-profiles", 13, () -> json(HttpMethod.POST, "/api/buyer-profiles", profile, fuzz)),
                new Target("buyer-profile-delete", 2, () -> bare(HttpMethod.DELETE, "/api/buyer-profiles/" + nastyId(), fuzz)),
                new Target("invoice-requests", 12, () -> json(HttpMethod.POST, "/api/invoice-requests",
                        random.nextBoolean() ? specialRequest : normalRequest, fuzz)),
                new Target("invoice-request-get", 2, () -> bare(HttpMethod.GET, "/api/invoice-requests/" + nastyId(), alice)),
                new Target("supplement", 8, () -> json(HttpMethod.POST, "/api/invoice-requests/"
                        + (random.nextInt(4) == 0 ? nastyId() : String.valueOf(requestId)) + "/supplement", supplement, alice)),
                new Target("dispute", 12, () -> json(HttpMethod.POST, "/api/invoices/"
                        + (random.nextInt(5) == 0 ? nastyId() : String.valueOf(invoiceId)) + "/disputes", dispute, alice)),
                new Target("dispute-message", 4, () -> json(HttpMethod.POST, "/api/disputes/"
                        + (random.nextInt(5) == 0 ? nastyId() : String.valueOf(disputeId)) + "/messages", message, alice)),
                new Target("verification", 15, () -> json(HttpMethod.POST, "/api/verifications", verification, anonymousClient())),
                new Target("periodic", 6, () -> json(HttpMethod.PUT, "/api/periodic-invoicing", periodic, fuzz)),
                new Target("batch", 10, this::batchUpload),
                new Target("foreign-check", 5, () -> json(HttpMethod.POST, "/api/verifications/foreign", foreignCheck, fuzz)),
                new Target("incoming-invoice", 5, () -> json(HttpMethod.POST, "/api/incoming-invoices", foreignCheck, finance)),
                new Target("incoming-document", 4, () -> documentUpload("/api/incoming-invoices/document", finance)),
                new Target("maintenance-window", 5, () -> json(HttpMethod.POST, "/api/maintenance-windows", window, admin)),
                new Target("maintenance-window-delete", 1, () -> bare(HttpMethod.DELETE, "/api/maintenance-windows/" + nastyId(), admin)));
    }

    private long aliceDispute(long invoiceId) {
        var answer = client("alice").post().uri("/api/invoices/{id}/disputes", invoiceId)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("reason", "NOT_RECEIVED", "description", "没收到邮件")).retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(202);
        return answer.getBody().get("id").asLong();
    }

    // ---- building requests ----

    private MockHttpServletRequestBuilder json(HttpMethod method, String uri, ObjectNode seed, RequestPostProcessor who) {
        MockHttpServletRequestBuilder builder = request(method, uri).with(who);
        int shape = random.nextInt(10);
        if (shape == 0) {
            // a well-formed body behind a wrong or missing content type
            builder.content(seed.toString().getBytes(StandardCharsets.UTF_8));
            String type = pickOf("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                    "application/json; charset=ISO-8859-1", "application/octet-stream", null);
            if (type != null) {
                builder.contentType(type);
            }
            return builder;
        }
        String body = shape == 1 ? brokenJson(seed.toString()) : mutate(seed).toString();
        return builder.contentType("application/json").content(body.getBytes(StandardCharsets.UTF_8));
    }

    private MockHttpServletRequestBuilder bare(HttpMethod method, String uri, RequestPostProcessor who) {
        return request(method, java.net.URI.create(uri)).with(who);
    }

    private MockHttpServletRequestBuilder batchUpload() {
        RequestPostProcessor alice = as(FUZZ, Groups.CUSTOMER);
        int shape = random.nextInt(6);
        if (shape == 0) {
            return request(HttpMethod.POST, "/api/verifications/batch").with(alice).contentType("application/json")
                    .content(brokenJson("{\"file\":\"x\"}"));
        }
        String field = shape == 1 ? pickOf("files", "FILE", "file\u0000") : "file";
        byte[] content = switch (random.nextInt(5)) {
            case 0 -> randomBytes(random.nextInt(4096));
            // never the right header row: an accepted batch would keep the job executor busy with its chunks long after
            case 1 -> (pickOf("number,issueDate", "numero,issueDate,totalAmount", "number;issueDate;totalAmount") + "\r\n" + nastyText() + "," + nastyText() + "," + nastyText() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            case 2 -> ("\"unclosed," + nastyText()).getBytes(StandardCharsets.UTF_8);
            case 3 -> concat(new byte[] {'P', 'K', 3, 4}, randomBytes(random.nextInt(2048)));
            default -> (nastyText() + "\n" + nastyText()).getBytes(StandardCharsets.UTF_8);
        };
        return multipart("/api/verifications/batch")
                .file(new MockMultipartFile(field, pickOf("a.csv", "a.xlsx", "../../etc/passwd", "\u202Egpj.csv", ""),
                        pickOf("text/csv", "application/octet-stream", "image/png"), content))
                .with(alice);
    }

    /** a file upload door fed random bytes, broken zips, nasty text, a wrong part name or a JSON body */
    private MockHttpServletRequestBuilder documentUpload(String uri, RequestPostProcessor who) {
        int shape = random.nextInt(6);
        if (shape == 0) {
            return request(HttpMethod.POST, uri).with(who).contentType("application/json").content(brokenJson("{\"file\":\"x\"}"));
        }
        String field = shape == 1 ? pickOf("files", "FILE", "file\u0000") : "file";
        byte[] content = switch (random.nextInt(4)) {
            case 0 -> randomBytes(random.nextInt(4096));
            case 1 -> concat(new byte[] {'P', 'K', 3, 4}, randomBytes(random.nextInt(2048)));
            case 2 -> concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), randomBytes(random.nextInt(2048)));
            default -> (nastyText() + "\n" + nastyText()).getBytes(StandardCharsets.UTF_8);
        };
        return multipart(uri).file(new MockMultipartFile(field, pickOf("a.ofd", "a.pdf", "../../etc/passwd", "\u202Egpj.ofd", ""),
                pickOf("application/ofd", "application/pdf", "application/octet-stream", "image/png"), content)).with(who);
    }

    private RequestPostProcessor anonymousClient() {
        // a fresh address each time: the per-client rate limit would otherwise answer 429 before the fields are read
        String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
        return request -> {
            request.setRemoteAddr(address);
            return SecurityMockMvcRequestPostProcessors.anonymous().postProcessRequest(request);
        };
    }

    private static RequestPostProcessor as(String userId, String group) {
        return user(userId).authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority(group));
    }

    // ---- mutations ----

    private JsonNode mutate(ObjectNode seed) {
        ObjectNode copy = seed.deepCopy();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            mutateOnce(copy);
        }
        return random.nextInt(20) == 0 ? wrapWrongly(copy) : copy;
    }

    private void mutateOnce(ObjectNode node) {
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        if (fields.isEmpty()) {
            node.set(nastyText(), nastyValue());
            return;
        }
        String field = fields.get(random.nextInt(fields.size()));
        JsonNode value = node.get(field);
        switch (random.nextInt(6)) {
            case 0 -> node.remove(field);
            case 1 -> node.set(nastyText(), nastyValue());
            case 2 -> {
                if (value instanceof ObjectNode inner) {
                    mutateOnce(inner);
                } else if (value instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode first) {
                    mutateOnce(first);
                } else {
                    node.set(field, nastyValue());
                }
            }
            default -> node.set(field, nastyValue());
        }
    }

    private JsonNode wrapWrongly(ObjectNode node) {
        return switch (random.nextInt(4)) {
            case 0 -> JsonNodeFactory.instance.arrayNode().add(node);
            case 1 -> JsonNodeFactory.instance.textNode(node.toString());
            case 2 -> JsonNodeFactory.instance.nullNode();
            default -> JsonNodeFactory.instance.numberNode(42);
        };
    }

    private String brokenJson(String valid) {
        return switch (random.nextInt(8)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length()));
            case 1 -> valid + pickOf("}", "]", ",", "garbage", "\u0000");
            case 2 -> valid.replace("\"", "'");
            case 3 -> valid.replace(":", "=");
            case 4 -> "";
            case 5 -> "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
            case 6 -> new String(randomBytes(200), StandardCharsets.ISO_8859_1);
            default -> valid.replaceFirst("\"", "\"\\uD800");
        };
    }

    private JsonNode nastyValue() {
        if (random.nextInt(3) == 0) {
            return JsonNodeFactory.instance.textNode(nastyText());
        }
        // a copy: a later mutation may go into it
        return NASTY_VALUES.get(random.nextInt(NASTY_VALUES.size())).deepCopy();
    }

    private String nastyText() {
        return switch (random.nextInt(12)) {
            case 0 -> HUGE;
            case 1 -> "'; DROP TABLE invoice_request; --";
            case 2 -> "1' OR '1'='1";
            case 3 -> "<script>alert(1)</script>";
            case 4 -> "${7*7}<#assign x=1>#{7*7}";
            case 5 -> "\u0000\u0001\u0007\b\u001b[31m\r\n\t";
            case 6 -> "\u202E\u200B\u200D\uFEFF\uFFFF";
            case 7 -> "\uD83D\uDE00\uD800";
            case 8 -> "９１１１０１０８３５１３０３６０１Ｃ";
            case 9 -> "-".repeat(random.nextInt(300));
            case 10 -> String.valueOf(random.nextLong());
            default -> "../../%00%s%n" + random.nextInt();
        };
    }

    private static List<JsonNode> nastyValues() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return List.of(f.nullNode(), f.booleanNode(true), f.numberNode(-1), f.numberNode(0),
                f.numberNode(new java.math.BigDecimal("1e400")), f.numberNode(new java.math.BigInteger("99999999999999999999999")),
                f.numberNode(1.5e-300), f.numberNode(Long.MIN_VALUE), f.textNode(""), f.textNode(" "),
                f.textNode("NaN"), f.textNode("-0.001"), f.textNode("1e10"), f.textNode("2026-02-30"),
                f.arrayNode(), f.arrayNode().add(f.nullNode()).add(f.objectNode()), f.objectNode(),
                f.objectNode().put("$ne", 1), f.textNode(HUGE));
    }

    private String nastyId() {
        return pickOf("abc", "-1", "0", "99999999999999999999", "1.5", "%20", "1%3B%20DROP%20TABLE%20x", "%E2%80%AE1",
                "9223372036854775807", "null", "%00");
    }

    // ---- small helpers ----

    private Target pick(List<Target> targets, int totalWeight) {
        int ticket = random.nextInt(totalWeight);
        for (Target target : targets) {
            ticket -= target.weight();
            if (ticket < 0) {
                return target;
            }
        }
        throw new IllegalStateException();
    }

    @SafeVarargs
    private <T> T pickOf(T... options) {
        return options[random.nextInt(options.length)];
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private ObjectNode tree(Map<String, Object> map) {
        return json.valueToTree(map);
    }

    private static String describe(MvcResult result) {
        var request = result.getRequest();
        String body;
        try {
            String content = request.getContentAsString();
            body = content == null ? "" : content.substring(0, Math.min(300, content.length()));
        } catch (Exception e) {
            body = "(binary)";
        }
        Exception resolved = result.getResolvedException();
        return request.getMethod() + " " + request.getRequestURI() + " [" + request.getContentType() + "] " + body
                + (resolved == null ? "" : " / " + resolved);
    }

    /** jobs still running after the set-up would write rows that look like partial writes of refused requests */
    private void awaitJobsIdle() {
        Waiting.until("no executable job left from the set-up", Duration.ofSeconds(30),
                () -> management.createJobQuery().executable().count() == 0);
    }

    private record Target(String name, int weight, Supplier<MockHttpServletRequestBuilder> request) {
    }
}
