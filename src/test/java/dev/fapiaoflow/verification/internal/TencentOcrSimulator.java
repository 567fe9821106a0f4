package dev.fapiaoflow.verification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.shared.TimeConfig;

/**
 * Tencent Cloud OCR's {@code VatInvoiceVerifyNew} in a box, in test scope only: its own HTTP server, as strict as the
 * API documentation. It refuses what Tencent refuses, with Tencent's error codes, answering HTTP 200 with
 * {@code Response.Error}: a wrong action or version, a timestamp more than five minutes off (AuthFailure.SignatureExpire),
 * an unknown SecretId (AuthFailure.SecretIdNotFound), a signature that is not TC3-HMAC-SHA256 over what arrived
 * (AuthFailure.SignatureFailure), missing fields (MissingParameter), a number, code or date of the wrong form
 * (InvalidParameterValue.Ticket*ParameterValueLimit), today's invoices (NotSupportCurrentInvoiceQuery), the wrong
 * amount or check code for the kind (PriceOrVerificationParameterValueLimit), a sixth check of one invoice in a day
 * (FailedOperation.CountLimitError), an unknown invoice (ResourceNotFound.NoInvoice) and facts that differ
 * (FailedOperation.InvoiceMismatch). Tests {@link #register} the invoices the authority holds and change their status.
 */
@Component
@ConditionalOnProperty(name = "fapiaoflow.verification.tencent.simulator.enabled", havingValue = "true")
public class TencentOcrSimulator implements ProviderEndpoint, DisposableBean {

    static final int CHECKS_PER_DAY = 5;
    private static final Set<String> KINDS = Set.of("01", "02", "03", "04", "08", "10", "11", "14", "15", "16", "32");
    private static final Set<String> CHECK_CODE_KINDS = Set.of("04", "10", "11", "14");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "TC3-HMAC-SHA256 Credential=([^/]+)/(\\d{4}-\\d{2}-\\d{2})/([a-z]+)/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");

    private final TencentProperties account;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final Map<String, SimInvoice> invoices = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> checksToday = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** an invoice as the authority holds it; {@code isAbandoned} as Tencent reports it (N, Y, H, HP, HF) */
    public record SimInvoice(String code, String number, LocalDate date, String kind, BigDecimal amountWithoutTax, BigDecimal taxAmount,
            String checkCode, String sellerName, String sellerTaxCode, String buyerName, String buyerTaxCode, String isAbandoned) {

        public SimInvoice withStatus(String status) {
            return new SimInvoice(code, number, date, kind, amountWithoutTax, taxAmount, checkCode, sellerName, sellerTaxCode, buyerName,
                    buyerTaxCode, status);
        }

        BigDecimal amountWithTax() {
            return amountWithoutTax.add(taxAmount);
        }

        String key() {
            return (code == null ? "" : code) + "-" + number;
        }
    }

    @Autowired
    TencentOcrSimulator(TencentProperties account, ObjectMapper json) throws IOException {
        this(account, json, Clock.systemUTC());
    }

    TencentOcrSimulator(TencentProperties account, ObjectMapper json, Clock clock) throws IOException {
        this.account = account;
        this.json = json;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void register(SimInvoice invoice) {
        invoices.put(invoice.key(), invoice);
    }

    /** the authority changes an invoice's status (a supplier red-flushes it, or it is voided) */
    public void changeStatus(String code, String number, String isAbandoned) {
        invoices.computeIfPresent((code == null ? "" : code) + "-" + number, (key, invoice) -> invoice.withStatus(isAbandoned));
    }

    /** checks that reached the invoice lookup (after the signature and the fields passed) */
    public int calls() {
        return calls.get();
    }

    @Override
    public void destroy() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        ObjectNode answer;
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            answer = answer(exchange, body, requestId);
        } catch (Refusal refusal) {
            answer = error(refusal.code, refusal.getMessage(), requestId);
        } catch (RuntimeException e) {
            answer = error("InternalError", e.toString(), requestId);
        }
        byte[] bytes = json.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private ObjectNode answer(HttpExchange exchange, String body, String requestId) throws IOException {
        if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/")) {
            throw new Refusal("UnsupportedOperation", "only POST / is served");
        }
        String contentType = header(exchange, "Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new Refusal("UnsupportedProtocol", "POST needs Content-Type application/json");
        }
        String action = header(exchange, "X-TC-Action");
        if (action == null) {
            throw new Refusal("MissingParameter", "X-TC-Action missing");
        }
        if (!action.equals("VatInvoiceVerifyNew")) {
            throw new Refusal("InvalidAction", "no action " + action);
        }
        if (!"2018-11-19".equals(header(exchange, "X-TC-Version"))) {
            throw new Refusal("NoSuchVersion", "version " + header(exchange, "X-TC-Version") + " of ocr does not exist");
        }
        authenticate(exchange, contentType, body);
        JsonNode request = json.readTree(body);
        if (request == null || !request.isObject()) {
            throw new Refusal("InvalidParameter", "the body must be a JSON object");
        }
        return verify(request, requestId);
    }

    private void authenticate(HttpExchange exchange, String contentType, String body) {
        String timestampText = header(exchange, "X-TC-Timestamp");
        if (timestampText == null) {
            throw new Refusal("MissingParameter", "X-TC-Timestamp missing");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampText);
        } catch (NumberFormatException e) {
            throw new Refusal("InvalidParameter", "X-TC-Timestamp is not a number");
        }
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > 300) {
            throw new Refusal("AuthFailure.SignatureExpire", "signature expired: the timestamp is more than five minutes off");
        }
        String authorization = header(exchange, "Authorization");
        Matcher parts = authorization == null ? null : AUTHORIZATION.matcher(authorization);
        if (parts == null || !parts.matches()) {
            throw new Refusal("AuthFailure.InvalidAuthorization", "Authorization is not TC3-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…");
        }
        if (!parts.group(1).equals(account.secretId())) {
            throw new Refusal("AuthFailure.SecretIdNotFound", "SecretId not found");
        }
        if (!parts.group(3).equals("ocr") || !(parts.group(2) + "/ocr/tc3_request").equals(Tc3Signer.credentialScope("ocr", timestamp))
                || !parts.group(4).equals("content-type;host")) {
            throw new Refusal("AuthFailure.SignatureFailure", "credential scope or signed headers do not fit the request");
        }
        String host = header(exchange, "Host");
        String expected = Tc3Signer.signature(account.secretKey(), "ocr", host, contentType, timestamp, body);
        if (!expected.equals(parts.group(5))) {
            throw new Refusal("AuthFailure.SignatureFailure", "the request signature does not match");
        }
    }

    private ObjectNode verify(JsonNode request, String requestId) {
        String number = text(request, "InvoiceNo");
        String dateText = text(request, "InvoiceDate");
        if (number == null) {
            throw new Refusal("MissingParameter", "InvoiceNo missing");
        }
        if (dateText == null) {
            throw new Refusal("MissingParameter", "InvoiceDate missing");
        }
        boolean digital = number.matches("\\d{20}");
        if (!digital && !number.matches("\\d{8}")) {
            throw new Refusal("InvalidParameterValue.TicketSnParameterValueLimit", "发票号码参数值错误");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), TimeConfig.CHINA);
        LocalDate date;
        try {
            date = LocalDate.parse(dateText, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new Refusal("InvalidParameterValue.TicketDateParameterValueLimit", "开票日期参数值错误");
        }
        if (date.isAfter(today) || date.isBefore(today.minusYears(5))) {
            throw new Refusal("InvalidParameterValue.TicketDateParameterValueLimit", "开票日期参数值错误");
        }
        if (date.equals(today) && !request.path("EnableTodayInvoice").asBoolean(false)) {
            throw new Refusal("ResourceNotFound.NotSupportCurrentInvoiceQuery", "不支持当天发票查询");
        }
        String code = text(request, "InvoiceCode");
        if (digital ? code != null && !code.isEmpty() : code == null || !code.matches("\\d{10}|\\d{12}")) {
            throw new Refusal("InvalidParameterValue.TicketCodeParameterValueLimit", "发票代码参数值错误");
        }
        String kind = text(request, "InvoiceKind");
        if (kind != null && !KINDS.contains(kind)) {
            throw new Refusal("InvalidParameterValue.InvalidParameterValueLimit", "参数值错误: InvoiceKind");
        }
        String checkCode = text(request, "CheckCode");
        String amount = text(request, "Amount");
        boolean needsCheckCode = !digital && kind != null && CHECK_CODE_KINDS.contains(kind);
        if (needsCheckCode ? checkCode == null || !checkCode.matches("\\d{6}") : amount == null || !AMOUNT.matcher(amount).matches()) {
            throw new Refusal("InvalidParameterValue.PriceOrVerificationParameterValueLimit", "开票金额或校验码参数值错误");
        }
        String key = (digital ? "" : code) + "-" + number;
        int checks = checksToday.computeIfAbsent(key + "@" + today, k -> new AtomicInteger()).incrementAndGet();
        if (checks > CHECKS_PER_DAY) {
            throw new Refusal("FailedOperation.CountLimitError", "今日次数达到限制");
        }
        calls.incrementAndGet();
        SimInvoice invoice = invoices.get(key);
        if (invoice == null) {
            throw new Refusal("ResourceNotFound.NoInvoice", "发票不存在");
        }
        boolean facts = invoice.date().equals(date) && (needsCheckCode
                ? invoice.checkCode() != null && invoice.checkCode().endsWith(checkCode)
                : new BigDecimal(amount).compareTo(digital ? invoice.amountWithTax() : invoice.amountWithoutTax()) == 0);
        if (!facts) {
            throw new Refusal("FailedOperation.InvoiceMismatch", "发票数据不一致");
        }
        ObjectNode response = json.createObjectNode();
        ObjectNode body = response.putObject("Response");
        ObjectNode found = body.putObject("Invoice");
        found.put("Code", invoice.code() == null ? "" : invoice.code());
        found.put("Number", invoice.number());
        found.put("Date", invoice.date().format(DateTimeFormatter.BASIC_ISO_DATE));
        found.put("BuyerName", invoice.buyerName());
        found.put("BuyerTaxCode", invoice.buyerTaxCode());
        found.put("SellerName", invoice.sellerName());
        found.put("SellerTaxCode", invoice.sellerTaxCode());
        found.put("Type", invoice.kind());
        found.put("CheckCode", invoice.checkCode() == null ? "" : invoice.checkCode());
        found.put("IsAbandoned", invoice.isAbandoned());
        found.put("AmountWithoutTax", invoice.amountWithoutTax().toPlainString());
        found.put("TaxAmount", invoice.taxAmount().toPlainString());
        found.put("AmountWithTax", invoice.amountWithTax().toPlainString());
        ObjectNode item = found.putArray("Items").addObject();
        item.put("LineNo", "1");
        item.put("Name", "*教育服务*培训费");
        item.put("Quantity", "1");
        item.put("UnitPrice", invoice.amountWithoutTax().toPlainString());
        item.put("AmountWithoutTax", invoice.amountWithoutTax().toPlainString());
        item.put("TaxRate", "6%");
        item.put("TaxAmount", invoice.taxAmount().toPlainString());
        body.put("RequestId", requestId);
        return response;
    }

    private ObjectNode error(String code, String message, String requestId) {
        ObjectNode response = json.createObjectNode();
        ObjectNode body = response.putObject("Response");
        ObjectNode error = body.putObject("Error");
        error.put("Code", code);
        error.put("Message", message);
        body.put("RequestId", requestId);
        return response;
    }

    private static String header(HttpExchange exchange, String name) {
        List<String> values = exchange.getRequestHeaders().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static final class Refusal extends RuntimeException {
        private final String code;

        Refusal(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}
