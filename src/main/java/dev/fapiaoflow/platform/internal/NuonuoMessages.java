package dev.fapiaoflow.platform.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fapiaoflow.platform.PlatformOrder;
import dev.fapiaoflow.platform.PlatformRefused;
import dev.fapiaoflow.platform.PlatformResult;
import dev.fapiaoflow.platform.RedLetterApplication;
import dev.fapiaoflow.platform.RedLetterConfirmation;

/**
 * The private request content and the answers of Nuonuo's 诺税通 SaaS open API (版本 V2.0), field by field as its
 * documentation lists them: {@code nuonuo.OpeMplatform.requestBillingNew}, {@code queryInvoiceResult},
 * {@code saveInvoiceRedConfirm}, {@code queryInvoiceRedConfirm} and {@code confirmInfoCancel}. Pure functions: the
 * transport (token, signature) is {@link NuonuoPlatformClient}'s. A value the documentation would refuse (over its
 * length, a serial longer than 20) is refused here before it leaves, as {@link PlatformRefused} with code
 * {@code LOCAL}.
 */
public final class NuonuoMessages {

    public static final String METHOD_ISSUE = "nuonuo.OpeMplatform.requestBillingNew";
    public static final String METHOD_QUERY = "nuonuo.OpeMplatform.queryInvoiceResult";
    public static final String METHOD_RED_CONFIRM_APPLY = "nuonuo.OpeMplatform.saveInvoiceRedConfirm";
    public static final String METHOD_RED_CONFIRM_QUERY = "nuonuo.OpeMplatform.queryInvoiceRedConfirm";
    public static final String METHOD_RED_CONFIRM_CANCEL = "nuonuo.OpeMplatform.confirmInfoCancel";
    /** 发票快捷冲红: "用于数电纸票快捷冲红" — the red-letter invoice of a 数电 paper invoice, after its confirmation */
    public static final String METHOD_FAST_RED = "nuonuo.OpeMplatform.fastInvoiceRed";

    public static final String OK = "E0000";
    /** 订单编号或流水号不能重复 */
    public static final String DUPLICATE_SERIAL = "E9106";
    /** the platform's word for a call with a bad or missing required private field */
    public static final String CALL_FAILED = "E4000";
    /** 身份认证与当前企业税号不相符: salerTaxNum is not the account's */
    public static final String SELLER_MISMATCH = "E9302";
    /** 金额*税率-税额大于0.06 */
    public static final String TAX_OFF = "E9131";
    /** （不含税金额+税额）不等于含税金额 */
    public static final String SUM_OFF = "E9130";
    public static final String TOKEN_EXPIRED = "070301";
    public static final String BAD_SIGNATURE = "E1001";
    /** our own refusal, before anything was sent */
    public static final String LOCAL = "LOCAL";

    /**
     * 数电 invoice kinds (invoiceLine / blueInvoiceLine): pc 电子发票(普通发票), bs 电子发票(增值税专用发票), and on paper
     * ec 数电纸质发票(普通发票), es 数电纸质发票(增值税专用发票)
     */
    public static final String LINE_ORDINARY = "pc";
    public static final String LINE_SPECIAL = "bs";
    public static final String LINE_PAPER_ORDINARY = "ec";
    public static final String LINE_PAPER_SPECIAL = "es";

    /** the documented tolerance of |net × rate − tax| per line */
    public static final BigDecimal TAX_TOLERANCE = new BigDecimal("0.06");

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter ORDER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);

    private NuonuoMessages() {
    }

    public static String invoiceLine(PlatformOrder.Kind kind) {
        return kind == PlatformOrder.Kind.SPECIAL ? LINE_SPECIAL : LINE_ORDINARY;
    }

    /** the invoiceLine of an order: a paper one goes out as 数电纸质发票, never as an e-invoice code */
    public static String invoiceLine(PlatformOrder order) {
        return invoiceLine(order.kind(), order.paper());
    }

    public static String invoiceLine(PlatformOrder.Kind kind, boolean paper) {
        if (paper) {
            return kind == PlatformOrder.Kind.SPECIAL ? LINE_PAPER_SPECIAL : LINE_PAPER_ORDINARY;
        }
        return invoiceLine(kind);
    }

    /** whether a blue invoice of that kind is 数电纸质发票, whose red-letter invoice is not issued by the confirmation */
    public static boolean paperLine(String invoiceLine) {
        return LINE_PAPER_ORDINARY.equals(invoiceLine) || LINE_PAPER_SPECIAL.equals(invoiceLine);
    }

    /** The content of {@code requestBillingNew}: {@code {"order": {...}}}, a blue invoice, not pushed by the platform. */
    public static Map<String, Object> issueContent(PlatformOrder order) {
        Map<String, Object> o = new LinkedHashMap<>();
        PlatformOrder.Buyer buyer = order.buyer();
        PlatformOrder.Seller seller = order.seller();
        put(o, "buyerName", buyer.name(), 100, true);
        put(o, "buyerTaxNum", buyer.taxId(), 20, false);
        put(o, "buyerTel", buyer.phone(), 20, false);
        put(o, "buyerAddress", buyer.address(), 80, false);
        if (blank(buyer.phone()).length() + blank(buyer.address()).length() > 100) {
            throw refused("buyerAddress + buyerTel exceed 100 characters");
        }
        put(o, "buyerAccount", buyer.bankAccount(), 100, false);
        put(o, "salerTaxNum", seller.taxId(), 20, true);
        put(o, "salerTel", seller.phone(), 20, false);
        put(o, "salerAddress", seller.address(), 80, false);
        put(o, "salerAccount", seller.bankAccount(), 100, false);
        put(o, "orderNo", order.serial(), 20, true);
        o.put("invoiceDate", ORDER_TIME.format(order.orderedAt()));
        put(o, "clerk", seller.clerk(), 20, true);
        put(o, "remark", order.remarks(), 230, false);
        // we deliver the invoice ourselves (mail, portal): the platform pushes nothing, so it needs no phone or mail
        o.put("pushMode", "-1");
        o.put("invoiceType", "1");
        o.put("invoiceLine", invoiceLine(order));
        if (seller.smallScale() && order.lines().stream().anyMatch(line -> line.taxRate().compareTo(new BigDecimal("0.03")) == 0)) {
            // a small-scale taxpayer issuing at 3% gives the reason the platform asks for: 3 放弃享受减按1%征收
            o.put("surveyAnswerType", "3");
        }
        if (order.lines().isEmpty() || order.lines().size() > 2000) {
            throw refused("invoiceDetail needs 1 to 2000 lines, not " + order.lines().size());
        }
        List<Map<String, Object>> details = new ArrayList<>();
        for (PlatformOrder.Line line : order.lines()) {
            details.add(detail(line));
        }
        o.put("invoiceDetail", details);
        return Map.of("order", o);
    }

    private static Map<String, Object> detail(PlatformOrder.Line line) {
        Map<String, Object> d = new LinkedHashMap<>();
        put(d, "goodsName", line.goodsName(), 90, true);
        if (line.goodsCode() == null || !line.goodsCode().matches("\\d{19}")) {
            throw refused("goodsCode must be the 19-digit tax classification code, not " + line.goodsCode());
        }
        d.put("goodsCode", line.goodsCode());
        // the unit price we send excludes tax (our lines are computed net first)
        d.put("withTaxFlag", "0");
        d.put("price", line.unitPrice().setScale(8, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
        d.put("num", line.quantity().stripTrailingZeros().toPlainString());
        put(d, "unit", line.unit(), 20, false);
        d.put("tax", money(line.taxAmount()));
        d.put("taxRate", line.taxRate().stripTrailingZeros().toPlainString());
        d.put("taxExcludedAmount", money(line.netAmount()));
        d.put("taxIncludedAmount", money(line.grossAmount()));
        d.put("invoiceLineProperty", "0");
        if (line.taxRate().signum() == 0) {
            d.put("favouredPolicyFlag", "03"); // 免税
        }
        return d;
    }

    /** The content of {@code queryInvoiceResult} for one of our serials, without line details. */
    public static Map<String, Object> queryContent(String serial) {
        return Map.of("orderNos", List.of(serial), "isOfferInvoiceDetail", "0");
    }

    /** The item of a {@code queryInvoiceResult} answer for the serial, if the platform knows it. */
    public static Optional<PlatformResult> queryAnswer(JsonNode answer, String serial) {
        requireOk(answer);
        for (JsonNode item : answer.path("result")) {
            if (serial.equals(item.path("orderNo").asText())) {
                return Optional.of(resultOf(item));
            }
        }
        return Optional.empty();
    }

    /**
     * One item of a query answer: status 2 开票完成 is final; 22 开票失败 and 24 开票成功签章失败 are failures (the
     * platform says to stop querying); 20 开票中 and 21 签章中 are still processing; 3/31 作废 never reach us (we void
     * nothing). The 数电 number is {@code allElectronicInvoiceNumber}; the platform says the OFD is the original.
     */
    public static PlatformResult resultOf(JsonNode item) {
        String status = item.path("status").asText();
        PlatformResult.Status mapped = switch (status) {
            case "2" -> PlatformResult.Status.ISSUED;
            case "22", "24" -> PlatformResult.Status.FAILED;
            default -> PlatformResult.Status.PROCESSING;
        };
        String total = text(item, "orderAmount");
        long time = item.path("invoiceTime").asLong(0);
        String message = text(item, "failCause");
        return new PlatformResult(item.path("orderNo").asText(), mapped, text(item, "allElectronicInvoiceNumber"),
                text(item, "pdfUrl"), text(item, "ofdUrl"), total == null ? null : new BigDecimal(total),
                time == 0 ? null : Instant.ofEpochMilli(time), message == null ? text(item, "statusMsg") : message);
    }

    /** The content of {@code saveInvoiceRedConfirm}: the seller applies; a full reversal sends no detail. */
    /** the {@code operater} value of a result callback (开票结果回调) */
    public static final String CALLBACK_OPERATION = "callback";
    /**
     * What our side answers a result callback it took. Not from Nuonuo's own pages: the indexed excerpts of its
     * 回传开票结果对接文档 (1.0.8) list the request's fields only, and no answer is given there; two independent
     * integrations answer exactly this, so it stays, marked as corroborated rather than documented (docs/architecture.md).
     */
    public static final Map<String, String> CALLBACK_ACK = Map.of("status", "0000", "message", "同步成功");

    /**
     * What a result callback claims. It is unsigned, so none of it is a result: {@code serial} says which of our
     * orders to ask the platform about, the claims are only logged.
     */
    public record CallbackHint(String serial, String claimedStatus, String claimedNumber) {
    }

    /**
     * Reads the documented result callback (开票结果回调): a form POST with {@code operater=callback}, {@code orderno}
     * and {@code content}, a JSON string of {@code c_*} fields ({@code c_orderno}, {@code c_status} 1 开票完成 / 2 开票失败 /
     * 3 签章失败, {@code c_fphm}, {@code c_fpdm}, {@code c_url}, {@code c_ofd_url}, {@code c_kprq}, ...). Empty when it is
     * not a result callback: another operation, no order number, or one no order of ours could have
     * ({@code orderNo} is at most 20 characters of letters, digits and {@code -_}).
     */
    public static Optional<CallbackHint> callbackOf(String operater, String orderno, JsonNode content) {
        if (!CALLBACK_OPERATION.equals(operater)) {
            return Optional.empty();
        }
        JsonNode fields = content == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : content;
        String serial = orderno == null || orderno.isBlank() ? text(fields, "c_orderno") : orderno.strip();
        if (serial == null || !serial.matches("[A-Za-z0-9_-]{1,20}")) {
            return Optional.empty();
        }
        return Optional.of(new CallbackHint(serial, text(fields, "c_status"), text(fields, "c_fphm")));
    }

    public static Map<String, Object> redConfirmApplyContent(RedLetterApplication application) {
        Map<String, Object> c = new LinkedHashMap<>();
        put(c, "billId", application.billId(), 32, true);
        // the blue invoice's own kind: a 数电 paper invoice is es/ec, never the electronic pc/bs
        c.put("blueInvoiceLine", application.blueInvoiceLine());
        c.put("applySource", "0");
        if (application.blueInvoiceNumber() == null || !application.blueInvoiceNumber().matches("\\d{20}")) {
            throw refused("blueElecInvoiceNumber must be the 20-digit number, not " + application.blueInvoiceNumber());
        }
        c.put("blueElecInvoiceNumber", application.blueInvoiceNumber());
        put(c, "sellerTaxNo", application.seller().taxId(), 20, true);
        put(c, "sellerName", application.seller().name(), 100, true);
        put(c, "buyerTaxNo", application.buyerTaxId(), 20, false);
        put(c, "buyerName", application.buyerName(), 100, true);
        c.put("redReason", redReason(application.reason()));
        // when no confirmation is needed, or both sides confirmed, the platform issues the red invoice under this serial;
        // autoInvoice "目前该字段不生效，电票都自动开，纸票都不自动": a paper blue's red is asked for with fastInvoiceRed
        put(c, "orderNo", application.redSerial(), 20, false);
        c.put("autoInvoice", "1");
        if (!application.lines().isEmpty()) {
            List<Map<String, Object>> detail = new ArrayList<>();
            for (RedLetterApplication.Line line : application.lines()) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("blueDetailIndex", String.valueOf(line.blueLineNo()));
                put(d, "goodsName", line.goodsName(), 90, true);
                d.put("taxExcludedAmount", money(line.netAmount().abs().negate()));
                d.put("taxAmount", money(line.taxAmount().abs().negate()));
                d.put("taxRate", line.taxRate().stripTrailingZeros().toPlainString());
                d.put("goodsCode", line.goodsCode());
                detail.add(d);
            }
            c.put("detail", detail);
        }
        return c;
    }

    /**
     * The content of {@code fastInvoiceRed} for the red-letter invoice of a 数电 paper invoice: our serial as
     * {@code orderNo}, the seller's tax number ({@code taxNum}, the header's), the blue invoice's 数电 number
     * ({@code elecInvoiceNumber}), the confirmation's number ({@code billNo}, "全电红票必传") and the blue invoice's kind
     * ({@code invoiceLine}).
     */
    public static Map<String, Object> fastRedContent(String redSerial, Instant at, RedLetterApplication application,
            RedLetterConfirmation confirmation) {
        Map<String, Object> c = new LinkedHashMap<>();
        put(c, "orderNo", redSerial, 20, true);
        c.put("orderTime", ORDER_TIME.format(at));
        put(c, "taxNum", application.seller().taxId(), 20, true);
        if (application.blueInvoiceNumber() == null || !application.blueInvoiceNumber().matches("\\d{20}")) {
            throw refused("elecInvoiceNumber must be the 20-digit number, not " + application.blueInvoiceNumber());
        }
        c.put("elecInvoiceNumber", application.blueInvoiceNumber());
        put(c, "billNo", confirmation.billNo(), 20, true);
        c.put("invoiceLine", application.blueInvoiceLine());
        return c;
    }

    /** 冲红原因 as the platform numbers them: 1销货退回 2开票有误 3服务中止 4销售折让 */
    public static String redReason(RedLetterApplication.RedReason reason) {
        return switch (reason) {
            case SALES_RETURN -> "1";
            case ISSUED_IN_ERROR -> "2";
            case SERVICE_TERMINATED -> "3";
            case SALES_ALLOWANCE -> "4";
        };
    }

    /** The billId (红字确认单申请号) a {@code saveInvoiceRedConfirm} answer carries. */
    public static String redConfirmApplyAnswer(JsonNode answer) {
        requireOk(answer);
        String billId = answer.path("result").isTextual() ? answer.path("result").asText()
                : answer.path("result").path("billId").asText("");
        if (billId.isBlank()) {
            throw new PlatformRefused(answer.path("code").asText(), "no billId in the answer");
        }
        return billId;
    }

    public static Map<String, Object> redConfirmQueryContent(String billId) {
        return Map.of("identity", "0", "billId", billId);
    }

    /** The confirmation of that billId in a {@code queryInvoiceRedConfirm} answer ({@code result.list}). */
    public static Optional<RedLetterConfirmation> redConfirmQueryAnswer(JsonNode answer, String billId) {
        requireOk(answer);
        JsonNode list = answer.path("result").has("list") ? answer.path("result").path("list") : answer.path("list");
        for (JsonNode item : list) {
            if (billId.equals(item.path("billId").asText())) {
                return Optional.of(new RedLetterConfirmation(billId, text(item, "billNo"), state(item.path("billStatus").asText()),
                        text(item, "orderNo"), text(item, "billMessage")));
            }
        }
        return Optional.empty();
    }

    /** 红字确认单状态 codes as the platform lists them */
    public static RedLetterConfirmation.State state(String billStatus) {
        return switch (billStatus) {
            case "01" -> RedLetterConfirmation.State.NO_CONFIRMATION_NEEDED;
            case "02" -> RedLetterConfirmation.State.AWAITING_BUYER;
            case "03" -> RedLetterConfirmation.State.AWAITING_SELLER;
            case "04" -> RedLetterConfirmation.State.CONFIRMED;
            case "05", "06", "07", "08", "09" -> RedLetterConfirmation.State.VOID;
            case "15" -> RedLetterConfirmation.State.APPLYING;
            case "16" -> RedLetterConfirmation.State.FAILED;
            default -> throw new PlatformRefused(CALL_FAILED, "unknown red-letter confirmation state " + billStatus);
        };
    }

    public static Map<String, Object> redConfirmCancelContent(String billId) {
        return Map.of("identity", "0", "billId", billId);
    }

    public static void requireOk(JsonNode answer) {
        String code = answer.path("code").asText();
        if (!OK.equals(code)) {
            throw new PlatformRefused(code, answer.path("describe").asText());
        }
    }

    private static void put(Map<String, Object> into, String field, String value, int maxLength, boolean required) {
        String text = blank(value).strip();
        if (required && text.isEmpty()) {
            throw refused(field + " is required");
        }
        if (text.length() > maxLength) {
            throw refused(field + " is longer than " + maxLength + " characters");
        }
        into.put(field, text);
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static PlatformRefused refused(String why) {
        return new PlatformRefused(LOCAL, why);
    }

    private static String text(JsonNode item, String field) {
        String value = item.path(field).asText(null);
        return value == null || value.isBlank() ? null : value;
    }
}
