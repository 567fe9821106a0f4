package dev.fapiaoflow.modeling.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The cases of the decision tables' tests ({@code modeling/decision-cases/<decision key>.json}), evaluated against a
 * changed table: every case whose result differs from the deployed table's or from what the tests expect is shown.
 * The tables are evaluated by a decision engine on the sandbox's policy ({@link SandboxPlugin#standaloneDecisionEngine}),
 * and only after the sandbox passed them ({@link ModelChecks} deploys, and rolls back, first).
 */
@Component
class DecisionCases {

    /** a case whose result changes, or differs from the tests' expectation */
    public record Difference(String decision, String name, Map<String, Object> variables, JsonNode expected, JsonNode before,
            JsonNode after) {
    }

    private final ObjectMapper json;
    /** on the sandbox's policy: the changed table is not deployed yet, so only this engine stands between it and the server */
    private final DmnEngine dmn;

    DecisionCases(ObjectMapper json, ModelSandbox sandbox) {
        this.json = json;
        this.dmn = SandboxPlugin.standaloneDecisionEngine(sandbox);
    }

    /**
     * @param deployed the deployed table's DMN, null when the decision is new
     * @throws IllegalArgumentException when the changed table cannot be evaluated for a case
     */
    List<Difference> differences(String decisionKey, byte[] changed, byte[] deployed) {
        ClassPathResource file = new ClassPathResource("modeling/decision-cases/" + decisionKey + ".json");
        if (!file.exists()) {
            return List.of();
        }
        JsonNode cases;
        try (InputStream in = file.getInputStream()) {
            cases = json.readTree(in).get("cases");
        } catch (IOException e) {
            throw new IllegalStateException("unreadable decision cases of " + decisionKey, e);
        }
        DmnDecision after = dmn.parseDecision(decisionKey, new ByteArrayInputStream(changed));
        DmnDecision before = deployed == null ? null : dmn.parseDecision(decisionKey, new ByteArrayInputStream(deployed));
        List<Difference> differences = new ArrayList<>();
        for (JsonNode testCase : cases) {
            Map<String, Object> variables = json.convertValue(testCase.get("variables"), new TypeReference<Map<String, Object>>() { });
            JsonNode afterResult = evaluate(after, variables, testCase.get("name").asText());
            JsonNode beforeResult = before == null ? null : evaluate(before, variables, testCase.get("name").asText());
            JsonNode expected = testCase.get("expected");
            if (!same(afterResult, expected) || (beforeResult != null && !same(afterResult, beforeResult))) {
                differences.add(new Difference(decisionKey, testCase.get("name").asText(), variables, expected, beforeResult, afterResult));
            }
        }
        return differences;
    }

    private JsonNode evaluate(DmnDecision decision, Map<String, Object> variables, String caseName) {
        try {
            return json.valueToTree(dmn.evaluateDecision(decision, variables).getResultList());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("case " + caseName + " cannot be evaluated: " + e.getMessage(), e);
        }
    }

    /** equal, numbers by value (100000 and 100000.0 are the same limit) */
    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<String> names = a.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!same(a.get(name), b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
