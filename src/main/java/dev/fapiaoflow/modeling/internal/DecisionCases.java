package dev.fapiaoflow.modeling.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

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

    static final String CASES_FOLDER = "modeling/decision-cases/";
    /** the simple unary tests a generated case meets: a literal string, a comparison, a range */
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern COMPARISON = Pattern.compile("(>=|<=|>|<)?\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern RANGE = Pattern.compile("([\\[\\]\\(])\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*-?\\d+(?:\\.\\d+)?\\s*[\\]\\[\\)]");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("true", "false", "null", "and", "or", "not", "if", "then",
            "else", "for", "in", "return", "some", "every", "satisfies", "instance", "of", "between", "function");

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
        ClassPathResource file = new ClassPathResource(CASES_FOLDER + decisionKey + ".json");
        if (!file.exists()) {
            return List.of();
        }
        JsonNode cases;
        try (InputStream in = file.getInputStream()) {
            cases = json.readTree(in).get("cases");
        } catch (IOException e) {
            throw new IllegalStateException("unreadable decision cases of " + decisionKey, e);
        }
        return differences(decisionKey, cases, changed, deployed);
    }

    /** whether the build's tests have cases for the decision (a decision deployed in the browser has none yet) */
    static boolean tested(String decisionKey) {
        return new ClassPathResource(CASES_FOLDER + decisionKey + ".json").exists();
    }

    /**
     * A case file for a decision that has none, made from its table: one case per rule, its variables picked to meet
     * the rule's input entries where they are simple (a literal, a comparison, a range), and as expected result what the
     * table answers now. Marked as generated: it pins today's behaviour, so a later change shows up as a difference,
     * but whether that behaviour is right is for the owner to check. Null when no case can be evaluated.
     */
    byte[] generate(String decisionKey, byte[] table) {
        Document model = Xml.parse(table);
        Element decision = Xml.elements(model).stream().filter(e -> "decision".equals(e.getLocalName())
                && decisionKey.equals(e.getAttribute("id"))).findFirst().orElse(null);
        if (decision == null) {
            return null;
        }
        DmnDecision parsed = dmn.parseDecision(decisionKey, new ByteArrayInputStream(table));
        List<Element> inputs = new ArrayList<>();
        List<Element> rules = new ArrayList<>();
        for (Element element : Xml.elements(model)) {
            if (isInside(element, decision) && "input".equals(element.getLocalName())) {
                inputs.add(element);
            } else if (isInside(element, decision) && "rule".equals(element.getLocalName())) {
                rules.add(element);
            }
        }
        Map<String, Map<String, Object>> variablesByCase = new LinkedHashMap<>();
        for (Element rule : rules) {
            List<Element> entries = Xml.elements(model).stream().filter(e -> "inputEntry".equals(e.getLocalName())
                    && e.getParentNode() == rule).toList();
            Map<String, Object> variables = new LinkedHashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                Element expression = child(inputs.get(i), "inputExpression");
                String typeRef = expression == null ? "string" : expression.getAttribute("typeRef");
                String text = expression == null ? "" : text(expression);
                Object value = i < entries.size() ? valueMeeting(text(entries.get(i)), typeRef) : null;
                for (String variable : variablesOf(text)) {
                    variables.putIfAbsent(variable, value);
                }
            }
            variablesByCase.putIfAbsent("rule " + rule.getAttribute("id"), variables);
        }
        if (variablesByCase.isEmpty()) {
            variablesByCase.put("no variables", Map.of());
        }
        ArrayNode cases = json.createArrayNode();
        java.util.Set<Map<String, Object>> seen = new java.util.HashSet<>();
        variablesByCase.forEach((name, variables) -> {
            if (!seen.add(variables)) {
                return;
            }
            try {
                JsonNode expected = json.valueToTree(dmn.evaluateDecision(parsed, variables).getResultList());
                ObjectNode testCase = cases.addObject();
                testCase.put("name", name);
                testCase.set("variables", json.valueToTree(variables));
                testCase.set("expected", expected);
            } catch (RuntimeException e) {
                // a case the table cannot evaluate pins nothing; the others still do
            }
        });
        if (cases.isEmpty()) {
            return null;
        }
        ObjectNode file = json.createObjectNode();
        file.put("decision", decisionKey);
        file.put("generated", true);
        file.put("about", "GENERATED by FapiaoFlow from the rules of the deployed table, one case per rule: the expected "
                + "results are what the table answers now, not what it should answer. Check them, name the cases and "
                + "remove \"generated\".");
        file.set("cases", cases);
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** a value for which the unary test holds, where that is simple to tell; else a plain value of the type */
    static Object valueMeeting(String entry, String declaredType) {
        String typeRef = declaredType == null ? "" : declaredType;
        String test = entry.strip();
        Matcher quoted = QUOTED.matcher(test);
        if (quoted.lookingAt()) {
            return quoted.group(1);
        }
        if ("true".equals(test) || "false".equals(test)) {
            return Boolean.valueOf(test);
        }
        Matcher comparison = COMPARISON.matcher(test);
        if (comparison.matches()) {
            BigDecimal limit = new BigDecimal(comparison.group(2));
            BigDecimal step = isInteger(typeRef) ? BigDecimal.ONE : new BigDecimal("0.01");
            String operator = comparison.group(1) == null ? "" : comparison.group(1);
            BigDecimal value = switch (operator) {
                case ">" -> limit.add(step);
                case "<" -> limit.subtract(step);
                default -> limit;
            };
            return number(value, typeRef);
        }
        Matcher range = RANGE.matcher(test);
        if (range.matches()) {
            BigDecimal low = new BigDecimal(range.group(2));
            return number("[".equals(range.group(1)) ? low : low.add(isInteger(typeRef) ? BigDecimal.ONE : new BigDecimal("0.01")), typeRef);
        }
        if (test.startsWith("not(")) {
            return switch (typeRef) {
                case "integer", "long", "double" -> number(new BigDecimal("-1"), typeRef);
                case "boolean" -> null;
                default -> "other";
            };
        }
        return switch (typeRef) {
            case "integer", "long", "double" -> number(BigDecimal.ZERO, typeRef);
            case "boolean" -> Boolean.FALSE;
            default -> typeRef.isBlank() || "string".equals(typeRef) ? "" : null;
        };
    }

    /** the variables an input expression reads: its identifiers, method calls and properties left out */
    private static List<String> variablesOf(String expression) {
        List<String> variables = new ArrayList<>();
        String withoutStrings = expression.replaceAll("\"[^\"]*\"", "");
        Matcher identifier = IDENTIFIER.matcher(withoutStrings);
        while (identifier.find()) {
            String name = identifier.group();
            boolean property = identifier.start() > 0 && withoutStrings.charAt(identifier.start() - 1) == '.';
            boolean call = identifier.end() < withoutStrings.length() && withoutStrings.charAt(identifier.end()) == '(';
            if (!property && !call && !KEYWORDS.contains(name) && !variables.contains(name)) {
                variables.add(name);
            }
        }
        return variables;
    }

    private static Object number(BigDecimal value, String typeRef) {
        return isInteger(typeRef) ? (Object) value.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact() : value.doubleValue();
    }

    private static boolean isInteger(String typeRef) {
        return "integer".equals(typeRef) || "long".equals(typeRef);
    }

    private static boolean isInside(Element element, Element ancestor) {
        for (org.w3c.dom.Node node = element.getParentNode(); node != null; node = node.getParentNode()) {
            if (node == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static Element child(Element parent, String localName) {
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element element) {
        Element text = child(element, "text");
        return text == null ? "" : text.getTextContent().strip();
    }

    /** the cases (a case file's {@code cases}) against a changed table, and the deployed one if there is one */
    List<Difference> differences(String decisionKey, JsonNode cases, byte[] changed, byte[] deployed) {
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
