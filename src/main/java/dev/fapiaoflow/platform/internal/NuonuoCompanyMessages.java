package dev.fapiaoflow.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fapiaoflow.platform.CompanyLookup;
import dev.fapiaoflow.platform.PlatformRefused;

/**
 * The company lookup of Nuonuo's open platform (极速开票 / 企业名称联想), field by field:
 * <ul>
 * <li>{@code nuonuo.speedBilling.prefixQuery}: content {@code {"q": <part of a name or tax ID>}}; the answer's
 * {@code result} is a list of {@code {"code", "name", "name_length"}}, {@code code} being the company's 6-character
 * invoicing code (开票代码);</li>
 * <li>{@code nuonuo.speedBilling.queryNameAndTaxByCode}: content {@code {"code": <开票代码>}}; the answer's
 * {@code result} is {@code {"kpCode" (tax ID), "kpName", "code", "systype"}} and, where the company filed them, its
 * invoicing details as the same API family names them: {@code kpAddr}, {@code kpTel}, {@code accountBlank} (bank),
 * {@code bankAccount} (shown masked to others than the company), {@code taxFlag} (0 一般纳税人, 1 小规模, 2 个体工商户).</li>
 * </ul>
 * These methods answer {@code S0000} on success (the speedBilling family's code; the open/v1 gateway's general
 * {@code E0000} is taken too) and {@code S0101} (开票信息不存在) for an unknown code.
 * <p>
 * Sources: the method list of Nuonuo's open platform (https://open.jss.com.cn/interplatform/getApiList.do?index=2, 极速开票),
 * as modelled by public SDKs: https://github.com/qbhy/nuonuo-php-sdk/blob/42d95a82c76ffba49611a70cd0b00d427146e886/src/Business/QuickInvoice.php
 * (查询企业开票信息: kpCode, kpName, kpTel, accountBlank, bankAccount, kpAddr, taxFlag, code, systype) and a public Go client
 * of prefixQuery / queryNameAndTaxByCode (request {@code q} / {@code code}; answers {@code code, name, name_length} and
 * {@code kpCode, code, kpName, systype}; success {@code S0000}). No published page of the open/v1 gateway documents these
 * two methods; the content goes through the same signed gateway as every other method.
 */
public final class NuonuoCompanyMessages {

    public static final String METHOD_PREFIX_QUERY = "nuonuo.speedBilling.prefixQuery";
    public static final String METHOD_BY_CODE = "nuonuo.speedBilling.queryNameAndTaxByCode";
    /** success of the speedBilling family */
    public static final String FOUND = "S0000";
    /** 开票信息不存在 */
    public static final String UNKNOWN_CODE = "S0101";
    /** the longest keyword we send (a company name is at most 100 characters, a tax ID 20) */
    public static final int KEYWORD_MAX = 100;

    private static final Set<String> SUCCESS = Set.of(FOUND, NuonuoMessages.OK);

    private NuonuoCompanyMessages() {
    }

    public static Map<String, Object> prefixQueryContent(String keyword) {
        String q = keyword == null ? "" : keyword.strip();
        if (q.isEmpty() || q.length() > KEYWORD_MAX) {
            throw new PlatformRefused(NuonuoMessages.LOCAL, "q must be 1 to " + KEYWORD_MAX + " characters");
        }
        return Map.of("q", q);
    }

    public static Map<String, Object> byCodeContent(String code) {
        if (code == null || !code.matches("[0-9A-Za-z]{6}")) {
            throw new PlatformRefused(NuonuoMessages.LOCAL, "code must be the 6-character invoicing code");
        }
        return Map.of("code", code);
    }

    public static List<CompanyLookup.CompanyMatch> prefixQueryAnswer(JsonNode answer) {
        requireSuccess(answer);
        List<CompanyLookup.CompanyMatch> matches = new ArrayList<>();
        for (JsonNode item : answer.path("result")) {
            String code = text(item, "code");
            String name = text(item, "name");
            if (code != null && name != null) {
                matches.add(new CompanyLookup.CompanyMatch(code, name));
            }
        }
        return matches;
    }

    public static Optional<CompanyLookup.CompanyInfo> byCodeAnswer(JsonNode answer) {
        if (UNKNOWN_CODE.equals(answer.path("code").asText())) {
            return Optional.empty();
        }
        requireSuccess(answer);
        JsonNode r = answer.path("result");
        String name = text(r, "kpName");
        if (name == null) {
            return Optional.empty();
        }
        String account = text(r, "bankAccount");
        Boolean general = switch (r.path("taxFlag").asText("")) {
            case "0" -> Boolean.TRUE;
            case "1", "2" -> Boolean.FALSE;
            default -> null;
        };
        return Optional.of(new CompanyLookup.CompanyInfo(text(r, "code"), name, text(r, "kpCode"), text(r, "kpAddr"),
                text(r, "kpTel"), text(r, "accountBlank"), account == null || account.contains("*") ? null : account,
                general));
    }

    private static void requireSuccess(JsonNode answer) {
        String code = answer.path("code").asText();
        if (!SUCCESS.contains(code)) {
            throw new PlatformRefused(code, answer.path("describe").asText());
        }
    }

    private static String text(JsonNode item, String field) {
        String value = item.path(field).asText(null);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
