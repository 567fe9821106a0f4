package dev.fapiaoflow.verification;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Anonymous verification checks through MockMvc, each from an address of its own (198.19.0.0/16, which no other
 * test uses), so no test is slowed by another's per-address rate limit.
 */
final class Checks {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private final MockMvc mockMvc;
    private final ObjectMapper json;

    Checks(MockMvc mockMvc, ObjectMapper json) {
        this.mockMvc = mockMvc;
        this.json = json;
    }

    /** A new anonymous party. */
    static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.19." + (n / 250) + "." + (n % 250 + 1);
    }

    /** Checks as a new anonymous party; gives the answer's {@code result} (or the refusal's). */
    String anonymously(Map<String, Object> check) throws Exception {
        return anonymously(newAddress(), check);
    }

    String anonymously(String address, Map<String, Object> check) throws Exception {
        String body = mockMvc.perform(post("/api/verifications").with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(check)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body).path("result").asText();
    }

    static Map<String, Object> of(JsonNode invoice) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("number", invoice.get("number").asText());
        check.put("issueDate", invoice.get("issueDate").asText());
        check.put("totalAmount", invoice.get("totalAmount").asText());
        return check;
    }

    /** The right number and date with a total one cent off. */
    static Map<String, Object> wrongTotalOf(JsonNode invoice) {
        Map<String, Object> check = of(invoice);
        check.put("totalAmount", new java.math.BigDecimal(invoice.get("totalAmount").asText()).add(new java.math.BigDecimal("0.01")).toPlainString());
        return check;
    }
}
