package dev.fapiaoflow.platform.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Paragraph;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.platform.PlatformEndpoint;

/**
 * An e-invoice platform in a box, in test scope only (the test context, and {@code ./mvnw spring-boot:test-run} with
 * profile {@code platform-sim} for local trials): Nuonuo's open API on its own HTTP server — token, issue with serial
 * deduplication, query, the red-letter confirmation (apply, query, cancel) that issues the red-letter invoice by
 * itself, PDF/OFD downloads, the company lookup (企业名称联想, {@link #registerCompany}) — issuing 20-digit numbers of channel 8 and calling back signed. It is as strict as the
 * documentation ({@link NuonuoSchema}): a call the platform would refuse is refused here with the platform's code.
 * {@link #faults} makes it misbehave; {@link #stats} counts what it did. One serial never yields a second invoice here,
 * exactly like a real platform; whether we keep to one invoice per request is what the tests check.
 */
@Component
@ConditionalOnProperty(name = "fapiaoflow.platform.simulator.enabled", havingValue = "true")
public class PlatformSimulator implements DisposableBean, PlatformEndpoint {

    private static final Logger log = LoggerFactory.getLogger(PlatformSimulator.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final PlatformProperties properties;
    private final Environment environment;
    private final ObjectMapper json;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(8);
    private final ScheduledExecutorService callbacks = Executors.newScheduledThreadPool(2);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, SimInvoice> bySerial = new ConcurrentHashMap<>();
    private final Map<String, SimInvoice> byNumber = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, SimConfirmation> redConfirmations = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, AtomicLong> stats = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> queriesBySerial = new ConcurrentHashMap<>();
    private volatile SimulatorFaults faults = SimulatorFaults.none();
    private volatile boolean buyerMustConfirm;
    private final Random random = new Random(20261125L);
    /** the platform's company directory (企业名称联想), by invoicing code; the contract fixtures' company to start with */
    private final Map<String, SimCompany> companies = new ConcurrentHashMap<>();

    PlatformSimulator(PlatformProperties properties, Environment environment, ObjectMapper json) throws IOException {
        if (properties.appKey() == null || properties.appKey().isBlank() || properties.appSecret() == null
                || properties.appSecret().isBlank()) {
            throw new IllegalStateException("the platform simulator checks every call against fapiaoflow.platform.app-key "
                    + "and fapiaoflow.platform.app-secret: set both (the profile platform-sim does)");
        }
        this.properties = properties;
        this.environment = environment;
        this.json = json;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", properties.simulator().port()), 50);
        server.setExecutor(handlers);
        server.createContext("/accessToken", exchange -> safely(exchange, this::token));
        server.createContext("/open/v1/services", exchange -> safely(exchange, this::services));
        server.createContext("/files/", exchange -> safely(exchange, this::file));
        registerCompany("ZJHTXX", "浙江爱信诺航天信息有限公司", "91330000692368905R", "杭州市万塘路30号12幢2楼", "0571-85022017",
                "杭州工行古荡支行", "1202005909900******", "0");
        server.start();
        log.info("Platform simulator listening on {}", baseUrl());
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** from now on, misbehave like this (and the buyers confirm nothing they are asked to: see {@link #buyerMustConfirm}) */
    public void faults(SimulatorFaults faults) {
        this.faults = faults;
        this.buyerMustConfirm = false;
    }

    /**
     * From now on the buyer has used every blue invoice: a red-letter confirmation is held in 02 销方录入待购方确认 (no
     * red-letter invoice) until {@link #buyerConfirms} it.
     */
    public void buyerMustConfirm(boolean hold) {
        this.buyerMustConfirm = hold;
    }

    /** the buyer confirms the red-letter confirmation (04 购销双方已确认): the platform issues the red-letter invoice */
    public void buyerConfirms(String billId) {
        SimConfirmation confirmation = redConfirmations.get(billId);
        if (confirmation == null || !"02".equals(confirmation.status)) {
            throw new IllegalStateException("no red-letter confirmation " + billId + " awaits the buyer");
        }
        confirmation.status = "04";
        count("red-letter confirmations confirmed by the buyer");
        if (!confirmation.orderNo.isBlank() && !paper(confirmation.blue.line)) {
            register(confirmation.orderNo, confirmation.amount.negate(), confirmation.blue.number, confirmation.blue.line);
        }
    }

    /**
     * A company the lookup knows, as the platform's directory holds it (the bank account as the platform shows it, masked
     * or not; taxFlag 0 一般纳税人, 1 小规模, 2 个体工商户).
     */
    public void registerCompany(String code, String name, String taxId, String address, String phone, String bank,
            String account, String taxFlag) {
        companies.put(code, new SimCompany(code, name, taxId, address, phone, bank, account, taxFlag));
    }

    /** what happened so far: issued, duplicates, 5xx, callbacks sent/refused, forged callbacks refused, ... */
    public Map<String, Long> stats() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        stats.forEach((key, value) -> copy.put(key, value.get()));
        return copy;
    }

    public void resetStats() {
        stats.clear();
    }

    /** whether the platform has finished issuing the serial (whatever it told us so far) */
    public boolean issued(String serial) {
        SimInvoice invoice = bySerial.get(serial);
        return invoice != null && "2".equals(invoice.status);
    }

    /** how many result queries named the serial */
    public long queriesFor(String serial) {
        AtomicLong queries = queriesBySerial.get(serial);
        return queries == null ? 0 : queries.get();
    }

    /** how many invoices it issued for the serial (never more than one) */
    public int invoicesFor(String serial) {
        return bySerial.containsKey(serial) ? 1 : 0;
    }

    @Override
    public void destroy() {
        server.stop(0);
        handlers.shutdownNow();
        callbacks.shutdownNow();
    }

    private void count(String what) {
        stats.computeIfAbsent(what, key -> new AtomicLong()).incrementAndGet();
    }

    private synchronized boolean chance(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws Exception;
    }

    private void safely(HttpExchange exchange, Handler handler) {
        try (exchange) {
            handler.handle(exchange);
        } catch (Exception e) {
            log.warn("Platform simulator failed on {}: {}", exchange.getRequestURI(), e.toString());
            try {
                exchange.sendResponseHeaders(500, -1);
            } catch (IOException ignored) {
                // the client went away
            }
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!properties.appKey().equals(form.get("client_id")) || !properties.appSecret().equals(form.get("client_secret"))) {
            send(exchange, 200, Map.of("error", "invalid_client", "error_description", "bad app key or secret"));
            return;
        }
        String token = java.util.UUID.randomUUID().toString().replace("-", "");
        Duration ttl = faults.tokenTtl();
        tokens.put(token, Instant.now());
        count("tokens issued");
        send(exchange, 200, Map.of("access_token", token, "expires_in", ttl.toSeconds()));
    }

    private void services(HttpExchange exchange) throws Exception {
        SimulatorFaults now = faults;
        if (chance(now.slow())) {
            count("slow answers");
            Thread.sleep(now.slowBy().toMillis());
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
        String canonical = PlatformSigner.callCanonical(params.get("appkey"), params.get("senid"), params.get("nonce"),
                params.get("timestamp"), body);
        if (!properties.appKey().equals(params.get("appkey"))
                || !PlatformSigner.matches(properties.appSecret(), canonical, exchange.getRequestHeaders().getFirst("X-Nuonuo-Sign"))) {
            count("bad request signatures");
            send(exchange, 200, answer(NuonuoMessages.BAD_SIGNATURE, "签名错误", null));
            return;
        }
        // a token lives for the TTL in force now: shortening it expires tokens the client still thinks valid
        Instant issued = tokens.get(String.valueOf(exchange.getRequestHeaders().getFirst("accessToken")));
        if (issued == null || !Instant.now().isBefore(issued.plus(now.tokenTtl()))) {
            count("expired tokens refused");
            send(exchange, 200, answer(NuonuoMessages.TOKEN_EXPIRED, "accessToken 已过期", null));
            return;
        }
        if (chance(now.errorBeforeIssuing())) {
            count("5xx before issuing");
            send(exchange, 503, Map.of("error", "busy"));
            return;
        }
        String userTax = exchange.getRequestHeaders().getFirst("userTax");
        if (!properties.sellerTaxId().equals(userTax)) {
            count("calls for another seller refused");
            send(exchange, 200, answer(NuonuoMessages.SELLER_MISMATCH, "身份认证与当前企业税号不相符", null));
            return;
        }
        JsonNode content = json.readTree(body);
        String method = String.valueOf(exchange.getRequestHeaders().getFirst("method"));
        Map<String, Object> answer = switch (method) {
            case NuonuoMessages.METHOD_ISSUE -> issue(content);
            case NuonuoMessages.METHOD_QUERY -> queryResults(content.path("orderNos"));
            case NuonuoMessages.METHOD_RED_CONFIRM_APPLY -> applyRedConfirmation(content);
            case NuonuoMessages.METHOD_RED_CONFIRM_QUERY -> queryRedConfirmation(content);
            case NuonuoMessages.METHOD_RED_CONFIRM_CANCEL -> cancelRedConfirmation(content);
            case NuonuoCompanyMessages.METHOD_PREFIX_QUERY -> prefixQuery(content);
            case NuonuoCompanyMessages.METHOD_BY_CODE -> companyByCode(content);
            case NuonuoMessages.METHOD_FAST_RED -> fastRed(content);
            default -> answer("E9999", "unknown method " + method, null);
        };
        if (method.equals(NuonuoMessages.METHOD_ISSUE)
                && NuonuoMessages.OK.equals(answer.get("code")) && chance(now.errorAfterIssuing())) {
            count("5xx after issuing");
            send(exchange, 502, Map.of("error", "gateway timeout"));
            return;
        }
        send(exchange, 200, answer);
    }

    private Map<String, Object> issue(JsonNode content) {
        List<NuonuoSchema.Refusal> refusals = NuonuoSchema.checkIssue(content, properties.sellerTaxId());
        if (!refusals.isEmpty()) {
            count("invalid issue calls refused");
            log.info("Platform simulator refused an issue call: {}", refusals);
            return answer(refusals.get(0).code(), refusals.get(0).describe(), null);
        }
        JsonNode order = content.path("order");
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode detail : order.path("invoiceDetail")) {
            total = total.add(new BigDecimal(detail.path("taxIncludedAmount").asText()));
        }
        return register(order.path("orderNo").asText(), total, null, order.path("invoiceLine").asText());
    }

    private Map<String, Object> register(String serial, BigDecimal total, String redOf, String line) {
        SimInvoice created = new SimInvoice(serial, total, redOf, line);
        SimInvoice existing = bySerial.putIfAbsent(serial, created);
        if (existing != null) {
            count("duplicate serials answered");
            return answer(NuonuoMessages.DUPLICATE_SERIAL, "订单编号或流水号不能重复", null);
        }
        count(redOf == null ? "invoices issued" : "red-letter invoices issued");
        Duration processing = properties.simulator().processingTime();
        if (chance(faults.forgedCallback())) {
            callbacks.execute(() -> forgeCallback(created));
        }
        callbacks.schedule(() -> complete(created), processing.toMillis(), TimeUnit.MILLISECONDS);
        return answer(NuonuoMessages.OK, "开票提交成功", Map.of("invoiceSerialNum", "SIM" + serial));
    }

    private void complete(SimInvoice invoice) {
        LocalDate today = LocalDate.now(CHINA);
        invoice.number = String.format("%02d", today.getYear() % 100) + "118" + String.format("%015d", sequence.incrementAndGet());
        invoice.issuedAt = Instant.now();
        byNumber.put(invoice.number, invoice);
        invoice.status = "2";
        SimulatorFaults now = faults;
        if (chance(now.lostCallback())) {
            count("callbacks lost");
            return;
        }
        long delay = chance(now.lateCallback()) ? now.lateBy().toMillis() : 0;
        if (delay > 0) {
            count("callbacks late");
        }
        boolean twice = chance(now.callbackTwice());
        boolean outOfOrder = chance(now.callbackOutOfOrder());
        callbacks.schedule(() -> {
            postCallback(callbackContent(invoice), false);
            if (twice) {
                count("callbacks sent twice");
                postCallback(callbackContent(invoice), false);
            }
            if (outOfOrder) {
                count("stale callbacks after the final one");
                Map<String, Object> stale = callbackContent(invoice);
                stale.put("c_status", "2");
                stale.put("c_msg", "开票失败");
                stale.remove("c_fphm");
                postCallback(stale, false);
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /**
     * A forged callback, sent by someone else than the platform before the invoice is issued: it claims the invoice is
     * issued under a number the platform never gave. The documented callback is unsigned, so only the query can tell.
     */
    private void forgeCallback(SimInvoice invoice) {
        Map<String, Object> fake = new LinkedHashMap<>();
        fake.put("c_orderno", invoice.serial);
        fake.put("c_status", "1");
        fake.put("c_fphm", "26118999999999999999");
        fake.put("c_bhsje", "0.01");
        fake.put("c_kprq", Instant.now().toEpochMilli());
        postCallback(fake, true);
    }

    /**
     * The documented result callback (开票结果回调): a form POST of operater=callback, orderno and content, the JSON of
     * the invoice's c_* fields (c_status 1 开票完成; for a 数电 e-invoice c_fpdm is empty and the number is c_fphm).
     */
    private Map<String, Object> callbackContent(SimInvoice invoice) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("c_orderno", invoice.serial);
        content.put("c_fpqqlsh", "SIM" + invoice.serial);
        content.put("c_status", "1");
        content.put("c_msg", "开票完成");
        content.put("c_fpdm", "");
        content.put("c_fphm", invoice.number);
        content.put("c_kprq", invoice.issuedAt.toEpochMilli());
        content.put("c_bhsje", invoice.total.toPlainString());
        content.put("c_url", baseUrl() + "/files/" + invoice.number + ".pdf");
        content.put("c_ofd_url", baseUrl() + "/files/" + invoice.number + ".ofd");
        return content;
    }

    private void postCallback(Map<String, Object> content, boolean forge) {
        try {
            String form = "operater=callback&orderno=" + URLEncoder.encode(String.valueOf(content.get("c_orderno")), StandardCharsets.UTF_8)
                    + "&content=" + URLEncoder.encode(json.writeValueAsString(content), StandardCharsets.UTF_8);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(callbackUrl()))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            count((forge ? "forged callbacks answered " : "callbacks answered ") + response.statusCode());
        } catch (Exception e) {
            count(forge ? "forged callbacks failed" : "callbacks failed");
            log.info("Platform simulator callback failed: {}", e.toString());
        }
    }

    private String callbackUrl() {
        String configured = properties.simulator().callbackUrl();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
                + "/api/platform/callback";
    }

    private Map<String, Object> queryResults(JsonNode orderNos) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (JsonNode orderNo : orderNos) {
            queriesBySerial.computeIfAbsent(orderNo.asText(), key -> new AtomicLong()).incrementAndGet();
            SimInvoice invoice = bySerial.get(orderNo.asText());
            if (invoice != null) {
                items.add(result(invoice));
            }
        }
        count("queries");
        return answer(NuonuoMessages.OK, "查询成功", items);
    }

    /**
     * 红字确认单申请 by the seller: the blue 数电 invoice must exist and still have the amount; with no buyer confirmation
     * needed (state 01) the red-letter invoice is issued at once under {@code orderNo}.
     */
    private Map<String, Object> applyRedConfirmation(JsonNode content) {
        List<NuonuoSchema.Refusal> refusals = NuonuoSchema.checkRedConfirm(content, properties.sellerTaxId());
        if (!refusals.isEmpty()) {
            count("invalid red-letter confirmations refused");
            return answer(refusals.get(0).code(), refusals.get(0).describe(), null);
        }
        SimInvoice blue = byNumber.get(content.path("blueElecInvoiceNumber").asText());
        if (blue == null || blue.redOf != null) {
            return answer("E9102", "蓝字发票不存在", null);
        }
        if (!blue.line.equals(content.path("blueInvoiceLine").asText())) {
            // blueInvoiceLine is "对应蓝票发票种类": the blue invoice's own kind
            count("red-letter confirmations of the wrong kind refused");
            return answer("E4000", "blueInvoiceLine 与蓝票发票种类不符: " + blue.line, null);
        }
        String billId = content.path("billId").asText("");
        if (billId.isBlank()) {
            billId = "SIMBILL" + sequence.incrementAndGet();
        }
        synchronized (blue) {
            BigDecimal left = blue.total.subtract(blue.reversed);
            BigDecimal amount = left;
            if (content.path("detail").isArray() && !content.path("detail").isEmpty()) {
                amount = BigDecimal.ZERO;
                for (JsonNode d : content.path("detail")) {
                    amount = amount.add(new BigDecimal(d.path("taxExcludedAmount").asText("0")))
                            .add(new BigDecimal(d.path("taxAmount").asText("0")));
                }
                amount = amount.negate();
            }
            if (left.signum() <= 0 || amount.signum() <= 0 || amount.compareTo(left) > 0) {
                return answer("E9103", "该发票不能重复冲红", null);
            }
            SimConfirmation confirmation = new SimConfirmation(billId, content.path("orderNo").asText(""), blue, amount);
            if (redConfirmations.putIfAbsent(billId, confirmation) != null) {
                return answer("E4000", "红字确认单申请号重复", null);
            }
            blue.reversed = blue.reversed.add(amount);
            confirmation.billNo = "4401" + String.format("%016d", sequence.incrementAndGet());
            confirmation.status = buyerMustConfirm ? "02" : "01";
        }
        count("red-letter confirmations");
        SimConfirmation confirmation = redConfirmations.get(billId);
        // autoInvoice: "电票都自动开，纸票都不自动" — a paper blue's red waits for fastInvoiceRed
        if ("01".equals(confirmation.status) && !confirmation.orderNo.isBlank() && !paper(blue.line)) {
            register(confirmation.orderNo, confirmation.amount.negate(), blue.number, blue.line);
        }
        return answer(NuonuoMessages.OK, "成功", billId);
    }

    private static boolean paper(String line) {
        return "es".equals(line) || "ec".equals(line);
    }

    /**
     * 发票快捷冲红 ("用于数电纸票快捷冲红"): the red of a 数电 paper invoice, under {@code orderNo}, once its confirmation
     * (billNo) needs no confirmation or both sides confirmed; of the blue invoice's own kind ({@code invoiceLine}).
     */
    private Map<String, Object> fastRed(JsonNode content) {
        List<NuonuoSchema.Refusal> refusals = NuonuoSchema.checkFastRed(content, properties.sellerTaxId());
        if (!refusals.isEmpty()) {
            count("invalid fast red calls refused");
            return answer(refusals.get(0).code(), refusals.get(0).describe(), null);
        }
        SimConfirmation confirmation = redConfirmations.values().stream()
                .filter(c -> content.path("billNo").asText().equals(c.billNo)).findFirst().orElse(null);
        if (confirmation == null || !confirmation.blue.number.equals(content.path("elecInvoiceNumber").asText())) {
            return answer("E4000", "红字确认单不存在", null);
        }
        if (!Set.of("01", "04").contains(confirmation.status)) {
            return answer("E4000", "红字确认单状态不允许开具红票", null);
        }
        if (!confirmation.blue.line.equals(content.path("invoiceLine").asText())) {
            count("red-letter invoices of the wrong kind refused");
            return answer("E4000", "invoiceLine 与蓝票发票种类不符: " + confirmation.blue.line, null);
        }
        return register(content.path("orderNo").asText(), confirmation.amount.negate(), confirmation.blue.number,
                confirmation.blue.line);
    }

    /** the 数电 kind (invoiceLine) the simulator issued under that number, for tests */
    public String invoiceLineOf(String number) {
        SimInvoice invoice = byNumber.get(number);
        return invoice == null ? null : invoice.line;
    }

    private Map<String, Object> queryRedConfirmation(JsonNode content) {
        if (!"0".equals(content.path("identity").asText()) && !"1".equals(content.path("identity").asText())) {
            return answer("E4000", "identity 必填", null);
        }
        SimConfirmation c = redConfirmations.get(content.path("billId").asText());
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        if (c != null) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("billNo", c.billNo);
            item.put("billId", c.billId);
            item.put("billStatus", c.status);
            item.put("billMessage", "");
            item.put("orderNo", c.orderNo);
            item.put("openStatus", bySerial.containsKey(c.orderNo) ? "1" : "0");
            item.put("applySource", "0");
            item.put("blueInvoiceNumber", c.blue.number);
            list.add(item);
        }
        return answer(NuonuoMessages.OK, "查询成功", Map.of("total", String.valueOf(list.size()), "list", list));
    }

    private Map<String, Object> cancelRedConfirmation(JsonNode content) {
        SimConfirmation c = redConfirmations.get(content.path("billId").asText());
        if (c == null) {
            return answer("E4000", "红字确认单不存在", null);
        }
        synchronized (c.blue) {
            if (bySerial.containsKey(c.orderNo) || !Set.of("01", "02", "04").contains(c.status)) {
                return answer("E4000", "红字确认单已开具红票或不可撤销", null);
            }
            c.status = "08";
            c.blue.reversed = c.blue.reversed.subtract(c.amount);
        }
        count("red-letter confirmations cancelled");
        return answer(NuonuoMessages.OK, "请求成功", Map.of());
    }

    /** 企业名称联想: names containing the keyword, or whose tax ID starts with it, at most 10 */
    private Map<String, Object> prefixQuery(JsonNode content) {
        List<NuonuoSchema.Refusal> refusals = NuonuoSchema.checkPrefixQuery(content);
        if (!refusals.isEmpty()) {
            count("invalid company lookups refused");
            return answer(refusals.get(0).code(), refusals.get(0).describe(), null);
        }
        String q = content.path("q").asText().strip();
        count("company lookups");
        List<Map<String, Object>> found = companies.values().stream()
                .filter(c -> c.name.contains(q) || c.taxId.startsWith(q.toUpperCase(java.util.Locale.ROOT)))
                .sorted(java.util.Comparator.comparing((SimCompany c) -> c.name))
                .limit(10)
                .map(c -> Map.<String, Object>of("code", c.code, "name", c.name, "name_length", c.name.length()))
                .toList();
        return answer(NuonuoCompanyMessages.FOUND, "查询成功", found);
    }

    private Map<String, Object> companyByCode(JsonNode content) {
        List<NuonuoSchema.Refusal> refusals = NuonuoSchema.checkCompanyByCode(content);
        if (!refusals.isEmpty()) {
            count("invalid company lookups refused");
            return answer(refusals.get(0).code(), refusals.get(0).describe(), null);
        }
        SimCompany c = companies.get(content.path("code").asText());
        count("company details");
        if (c == null) {
            return answer(NuonuoCompanyMessages.UNKNOWN_CODE, "开票信息不存在", null);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kpCode", c.taxId);
        result.put("code", c.code);
        result.put("kpName", c.name);
        result.put("systype", "1");
        result.put("kpAddr", c.address);
        result.put("kpTel", c.phone);
        result.put("accountBlank", c.bank);
        result.put("bankAccount", c.account);
        result.put("taxFlag", c.taxFlag);
        return answer(NuonuoCompanyMessages.FOUND, "获取开票信息成功", result);
    }

    private record SimCompany(String code, String name, String taxId, String address, String phone, String bank,
            String account, String taxFlag) {
    }

    private void file(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/files/".length());
        int dot = name.lastIndexOf('.');
        SimInvoice invoice = dot < 0 ? null : byNumber.get(name.substring(0, dot));
        if (invoice == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        byte[] content = name.endsWith(".pdf") ? pdf(invoice) : ofd(invoice);
        exchange.getResponseHeaders().set("Content-Type", name.endsWith(".pdf") ? "application/pdf" : "application/ofd");
        exchange.sendResponseHeaders(200, content.length);
        exchange.getResponseBody().write(content);
    }

    private Map<String, Object> result(SimInvoice invoice) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("orderNo", invoice.serial);
        item.put("serialNo", "SIM" + invoice.serial);
        item.put("status", invoice.status);
        if ("2".equals(invoice.status)) {
            item.put("allElectronicInvoiceNumber", invoice.number);
            item.put("pdfUrl", baseUrl() + "/files/" + invoice.number + ".pdf");
            item.put("ofdUrl", baseUrl() + "/files/" + invoice.number + ".ofd");
            item.put("invoiceTime", invoice.issuedAt.toEpochMilli());
        }
        item.put("orderAmount", invoice.total.toPlainString());
        return item;
    }

    private static byte[] pdf(SimInvoice invoice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Document document = new Document(new PdfDocument(new PdfWriter(out)))) {
            document.add(new Paragraph("Simulated e-invoice platform"));
            document.add(new Paragraph("Invoice number " + invoice.number + ", serial " + invoice.serial + ", total "
                    + invoice.total.toPlainString()));
        }
        return out.toByteArray();
    }

    /** OFD is a zip container around OFD.xml (GB/T 33190); enough of one to be stored and served */
    private static byte[] ofd(SimInvoice invoice) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("OFD.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.1\">"
                    + "<ofd:DocBody><ofd:DocInfo><ofd:DocID>" + invoice.number + "</ofd:DocID></ofd:DocInfo></ofd:DocBody></ofd:OFD>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static Map<String, Object> answer(String code, String describe, Object result) {
        Map<String, Object> answer = new HashMap<>();
        answer.put("code", code);
        answer.put("describe", describe);
        if (result != null) {
            answer.put("result", result);
        }
        return answer;
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isBlank()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static final class SimConfirmation {
        final String billId;
        final String orderNo;
        final SimInvoice blue;
        final BigDecimal amount;
        volatile String billNo;
        volatile String status = "15";

        SimConfirmation(String billId, String orderNo, SimInvoice blue, BigDecimal amount) {
            this.billId = billId;
            this.orderNo = orderNo;
            this.blue = blue;
            this.amount = amount;
        }
    }

    private static final class SimInvoice {
        final String serial;
        final BigDecimal total;
        final String redOf;
        final String line;
        volatile String status = "20";
        volatile String number;
        volatile Instant issuedAt;
        BigDecimal reversed = BigDecimal.ZERO;

        SimInvoice(String serial, BigDecimal total, String redOf, String line) {
            this.line = line;
            this.serial = serial;
            this.total = total;
            this.redOf = redOf;
        }
    }
}
