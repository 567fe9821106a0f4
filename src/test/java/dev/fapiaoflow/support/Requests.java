package dev.fapiaoflow.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Invoice-request bodies (API.md, "Invoice requests"). */
public final class Requests {

    private Requests() {
    }

    public static Map<String, Object> personalNormal(List<String> orderNos, String title, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("orderNos", orderNos);
        body.put("invoiceType", "NORMAL");
        body.put("buyer", Map.of("buyerType", "PERSONAL", "title", title));
        body.put("email", email);
        body.put("delivery", "EMAIL");
        return body;
    }

    public static Map<String, Object> enterpriseNormal(List<String> orderNos, String title, String taxId, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("orderNos", orderNos);
        body.put("invoiceType", "NORMAL");
        body.put("buyer", Map.of("buyerType", "ENTERPRISE", "title", title, "taxId", taxId, "taxpayerKind", "GENERAL"));
        body.put("email", email);
        body.put("delivery", "EMAIL");
        return body;
    }

    public static Map<String, Object> withType(Map<String, Object> body, String invoiceType) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("invoiceType", invoiceType);
        return copy;
    }
}
