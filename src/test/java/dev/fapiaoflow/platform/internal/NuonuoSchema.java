package dev.fapiaoflow.platform.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Nuonuo's documentation says the platform refuses in a {@code requestBillingNew} or {@code saveInvoiceRedConfirm}
 * content: missing required fields, values over their documented length or outside their documented codes, a date not
 * in {@code yyyy-MM-dd HH:mm:ss}, amounts that are not numbers, {@code taxExcludedAmount + tax ≠ taxIncludedAmount}
 * (E9130), {@code |taxExcludedAmount × taxRate − tax| > 0.06} (E9131), and a seller other than the account's (E9302).
 * Each refusal is the platform's code and message. Used by the simulator and by the contract tests.
 *
 * Source: nuonuo.OpeMplatform.requestBillingNew (诺税通saas请求开具发票接口) V2.0 private request parameters and
 * return codes, https://open.nuonuo.com (API文档), as mirrored in
 * https://github.com/ZUOXIANGE/NuoNuoSdk/blob/5577f1cf7458a1a840fc24e47adaec5d730c2a18/docs/请求开具发票接口(2.0)接口对接文档.pdf; 数电 invoiceLine codes pc/bs and the
 * red-letter confirmation fields from nuonuo.OpeMplatform.saveInvoiceRedConfirm (诺税通saas红字确认单申请接口): blueInvoiceLine
 * "对应蓝票发票种类: bs, pc, es 全电纸质发票(增值税专用发票), ec 全电纸质发票(普通发票), p, c, s, b", autoInvoice "电票都自动开，
 * 纸票都不自动"; the paper red from nuonuo.OpeMplatform.fastInvoiceRed (诺税通saas发票快捷冲红接口) "用于数电纸票快捷冲红 注：
 * 数电电票（票种：pc、bs）申请红字确认单后，当红字确认单为无需确认/双方已确认的时候会自动开具红票" (its fields as modelled by
 * the Go SDK of the same API: orderNo, taxNum, elecInvoiceNumber, billNo "全电红票必传", invoiceLine "全电发票票种").
 */
public final class NuonuoSchema {

    public record Refusal(String code, String describe) {
    }

    private static final Set<String> LINES = Set.of("pc", "bs", "es", "ec", "p", "c", "s", "b");
    private static final Set<String> RATES = Set.of("0", "0.01", "0.03", "0.05", "0.06", "0.09", "0.1", "0.11", "0.13", "0.015");

    private NuonuoSchema() {
    }

    /** @return the refusals, empty when the platform would accept the content */
    public static List<Refusal> checkIssue(JsonNode content, String accountSeller) {
        List<Refusal> refusals = new ArrayList<>();
        JsonNode order = content.path("order");
        if (!order.isObject()) {
            refusals.add(new Refusal("E4000", "order 必填"));
            return refusals;
        }
        required(order, "buyerName", 100, refusals);
        optional(order, "buyerTaxNum", 20, refusals);
        optional(order, "buyerTel", 20, refusals);
        optional(order, "buyerAddress", 80, refusals);
        optional(order, "buyerAccount", 100, refusals);
        required(order, "salerTaxNum", 20, refusals);
        optional(order, "salerTel", 20, refusals);
        optional(order, "salerAddress", 80, refusals);
        required(order, "orderNo", 20, refusals);
        required(order, "clerk", 20, refusals);
        optional(order, "remark", 230, refusals);
        String date = order.path("invoiceDate").asText("");
        if (!date.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
            refusals.add(new Refusal("E4000", "invoiceDate 必填，格式 yyyy-MM-dd HH:mm:ss"));
        }
        String type = order.path("invoiceType").asText("");
        if (!type.equals("1") && !type.equals("2")) {
            refusals.add(new Refusal("E9101", "开票类型错误(1:正票 2:红票)"));
        }
        String line = order.path("invoiceLine").asText("p");
        if (!LINES.contains(line)) {
            refusals.add(new Refusal("E4000", "invoiceLine 发票种类不正确: " + line));
        }
        String push = order.path("pushMode").asText("1");
        if (!Set.of("-1", "0", "1", "2").contains(push)) {
            refusals.add(new Refusal("E4000", "pushMode 只能为 -1,0,1,2"));
        }
        if ((push.equals("0") || push.equals("2")) && order.path("email").asText("").isBlank()) {
            refusals.add(new Refusal("E4000", "pushMode 为 0 或 2 时 email 必填"));
        }
        if ((push.equals("1") || push.equals("2")) && order.path("buyerPhone").asText("").isBlank()) {
            refusals.add(new Refusal("E4000", "pushMode 为 1 或 2 时 buyerPhone 必填"));
        }
        if (accountSeller != null && !accountSeller.equals(order.path("salerTaxNum").asText())) {
            refusals.add(new Refusal("E9302", "身份认证与当前企业税号不相符"));
        }
        JsonNode details = order.path("invoiceDetail");
        if (!details.isArray() || details.isEmpty()) {
            refusals.add(new Refusal("E9122", "商品详情为空"));
            return refusals;
        }
        int no = 0;
        for (JsonNode detail : details) {
            no++;
            detail(detail, no, refusals);
        }
        return refusals;
    }

    private static void detail(JsonNode d, int no, List<Refusal> refusals) {
        required(d, "goodsName", 90, refusals);
        if (!d.path("goodsCode").asText("").matches("\\d{19}")) {
            refusals.add(new Refusal("E9121", "获取商品编码失败，第" + no + "行"));
        }
        String flag = d.path("withTaxFlag").asText("");
        if (!flag.equals("0") && !flag.equals("1")) {
            refusals.add(new Refusal("E4000", "withTaxFlag 必填：0 不含税，1 含税，第" + no + "行"));
        }
        optional(d, "unit", 20, refusals);
        String rate = d.path("taxRate").asText("");
        BigDecimal taxRate = number(rate);
        if (taxRate == null || !RATES.contains(taxRate.stripTrailingZeros().toPlainString())) {
            refusals.add(new Refusal("E4000", "taxRate 税率不正确: " + rate + "，第" + no + "行"));
            return;
        }
        BigDecimal net = number(d.path("taxExcludedAmount").asText(""));
        BigDecimal tax = number(d.path("tax").asText(""));
        BigDecimal gross = number(d.path("taxIncludedAmount").asText(""));
        if (d.path("price").asText("").isBlank() && (net == null || tax == null || gross == null)) {
            refusals.add(new Refusal("E9123", "项目单价为空时，含税金额、不含税金额、税额都不能为空"));
            return;
        }
        if (net == null || tax == null || gross == null || net.scale() > 2 || tax.scale() > 2 || gross.scale() > 2) {
            refusals.add(new Refusal("E9127", "金额只能是两位小数的数字，第" + no + "行"));
            return;
        }
        if (net.add(tax).compareTo(gross) != 0) {
            refusals.add(new Refusal("E9130", "（不含税金额+税额）不等于含税金额，第" + no + "行"));
        }
        if (net.multiply(taxRate).subtract(tax).abs().compareTo(new BigDecimal("0.06")) > 0) {
            refusals.add(new Refusal("E9131", "金额*税率-税额大于0.06,明细行名称:" + d.path("goodsName").asText() + ",第" + no + "行"));
        }
        BigDecimal price = number(d.path("price").asText(""));
        BigDecimal num = number(d.path("num").asText(""));
        if (price != null && num != null && "0".equals(flag) && price.multiply(num).subtract(net).abs().compareTo(new BigDecimal("0.01")) > 0) {
            refusals.add(new Refusal("E4000", "单价*数量 与不含税金额不符，第" + no + "行"));
        }
    }

    /** saveInvoiceRedConfirm: required fields and codes as documented */
    public static List<Refusal> checkRedConfirm(JsonNode c, String accountSeller) {
        List<Refusal> refusals = new ArrayList<>();
        optional(c, "billId", 32, refusals);
        if (!LINES.contains(c.path("blueInvoiceLine").asText(""))) {
            refusals.add(new Refusal("E4000", "blueInvoiceLine 必填"));
        }
        if (!Set.of("0", "1").contains(c.path("applySource").asText(""))) {
            refusals.add(new Refusal("E4000", "applySource 必填：0 销方 1 购方"));
        }
        if (!c.path("blueElecInvoiceNumber").asText("").matches("\\d{20}")) {
            refusals.add(new Refusal("E4000", "blueElecInvoiceNumber 数电票号码为20位"));
        }
        required(c, "sellerTaxNo", 20, refusals);
        required(c, "buyerName", 100, refusals);
        if (!Set.of("1", "2", "3", "4").contains(c.path("redReason").asText(""))) {
            refusals.add(new Refusal("E4000", "redReason 冲红原因：1销货退回 2开票有误 3服务中止 4销售折让"));
        }
        optional(c, "orderNo", 20, refusals);
        if (accountSeller != null && !accountSeller.equals(c.path("sellerTaxNo").asText())) {
            refusals.add(new Refusal("E9302", "身份认证与当前企业税号不相符"));
        }
        return refusals;
    }

    /** nuonuo.speedBilling.prefixQuery: the keyword {@code q} is required (see {@link NuonuoCompanyMessages}) */
    public static List<Refusal> checkPrefixQuery(JsonNode c) {
        List<Refusal> refusals = new ArrayList<>();
        required(c, "q", NuonuoCompanyMessages.KEYWORD_MAX, refusals);
        return refusals;
    }

    /** nuonuo.speedBilling.queryNameAndTaxByCode: {@code code} is the 6-character invoicing code (6位开票代码) */
    public static List<Refusal> checkCompanyByCode(JsonNode c) {
        List<Refusal> refusals = new ArrayList<>();
        if (!c.path("code").asText("").matches("[0-9A-Za-z]{6}")) {
            refusals.add(new Refusal("E4000", "code 必填：6位开票代码"));
        }
        return refusals;
    }

    /**
     * fastInvoiceRed (诺税通saas发票快捷冲红接口, "用于数电纸票快捷冲红"): our serial, the seller's tax number (checked
     * against the header's), the blue 数电 number, the confirmation's number ("全电红票必传") and a known invoiceLine.
     */
    public static List<Refusal> checkFastRed(JsonNode c, String accountSeller) {
        List<Refusal> refusals = new ArrayList<>();
        required(c, "orderNo", 20, refusals);
        required(c, "taxNum", 20, refusals);
        required(c, "billNo", 20, refusals);
        if (!c.path("elecInvoiceNumber").asText("").matches("\\d{20}")) {
            refusals.add(new Refusal("E4000", "elecInvoiceNumber 数电票号码为20位"));
        }
        if (!LINES.contains(c.path("invoiceLine").asText(""))) {
            refusals.add(new Refusal("E4000", "invoiceLine 发票种类不正确"));
        }
        if (accountSeller != null && !accountSeller.equals(c.path("taxNum").asText())) {
            refusals.add(new Refusal("E9302", "身份认证与当前企业税号不相符"));
        }
        return refusals;
    }

    private static void required(JsonNode node, String field, int max, List<Refusal> refusals) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            refusals.add(new Refusal("E4000", field + " 必填"));
        } else if (value.length() > max) {
            refusals.add(new Refusal("E4000", field + " 超过最大长度 " + max));
        }
    }

    private static void optional(JsonNode node, String field, int max, List<Refusal> refusals) {
        if (node.path(field).asText("").length() > max) {
            refusals.add(new Refusal("E4000", field + " 超过最大长度 " + max));
        }
    }

    private static BigDecimal number(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
