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

    /** acme's full details, as a 增值税专用发票 prints them */
    public static Map<String, Object> acmeSpecial(List<String> orderNos) {
        Map<String, Object> body = enterpriseNormal(orderNos, "北京某某科技有限公司", "91110108351303601C", "ap@acme.example.com");
        body.put("invoiceType", "SPECIAL");
        body.put("buyer", acmeFullDetails());
        return body;
    }

    /** acme's special invoice on paper, posted to its finance department */
    public static Map<String, Object> acmeSpecialByPost(List<String> orderNos) {
        Map<String, Object> body = acmeSpecial(orderNos);
        body.put("delivery", "POST");
        body.put("postalAddress", Map.of("recipient", "财务部 王会计", "phone", "13800000000",
                "address", "北京市海淀区中关村南大街5号 某某科技 财务部"));
        return body;
    }

    public static Map<String, Object> acmeFullDetails() {
        Map<String, Object> buyer = new HashMap<>();
        buyer.put("buyerType", "ENTERPRISE");
        buyer.put("title", "北京某某科技有限公司");
        buyer.put("taxId", "91110108351303601C");
        buyer.put("taxpayerKind", "GENERAL");
        buyer.put("address", "北京市海淀区中关村南大街5号");
        buyer.put("phone", "010-12345678");
        buyer.put("bankName", "中国建设银行北京海淀支行");
        buyer.put("bankAccount", "11001234567890123456");
        return buyer;
    }

    /** the same body with one buyer field removed */
    @SuppressWarnings("unchecked")
    /** acme's full details with an e-mail address of its own, so saving them makes a new title */
    public static Map<String, Object> uniqueAcmeProfile() {
        Map<String, Object> profile = new java.util.HashMap<>(acmeFullDetails());
        profile.put("email", "ap" + System.nanoTime() + "@acme.example.com");
        return profile;
    }

    public static Map<String, Object> withoutBuyerFields(Map<String, Object> body, String... fields) {
        Map<String, Object> copy = new HashMap<>(body);
        Map<String, Object> buyer = new HashMap<>((Map<String, Object>) body.get("buyer"));
        for (String field : fields) {
            buyer.remove(field);
        }
        copy.put("buyer", buyer);
        return copy;
    }

    public static Map<String, Object> withType(Map<String, Object> body, String invoiceType) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("invoiceType", invoiceType);
        return copy;
    }
}
