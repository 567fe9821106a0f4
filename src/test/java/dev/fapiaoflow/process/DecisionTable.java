package dev.fapiaoflow.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * One decision table from dmn/, evaluated alone on a plain DMN engine, telling which rule decided: so a table test
 * can show that every rule is reached by some case.
 */
final class DecisionTable {

    /** what the table answered, and the id of the (first) rule that matched */
    record Outcome(String ruleId, Map<String, Object> outputs) {

        Object get(String output) {
            return outputs.get(output);
        }
    }

    private final DmnEngine engine;
    private final DmnDecision decision;
    private final List<String> matchedRules = new ArrayList<>();

    private DecisionTable(String resource, String decisionKey) {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        DmnDecisionTableEvaluationListener recordMatches = event -> event.getMatchingRules().stream()
                .map(DmnEvaluatedDecisionRule::getId).forEach(matchedRules::add);
        configuration.customPostDecisionTableEvaluationListeners(List.of(recordMatches));
        this.engine = configuration.buildEngine();
        try (InputStream model = DecisionTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (model == null) {
                throw new IllegalArgumentException(resource + " is not on the classpath");
            }
            this.decision = engine.parseDecision(decisionKey, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DecisionTable load(String resource, String decisionKey) {
        return new DecisionTable(resource, decisionKey);
    }

    /** for COLLECT tables: every matching rule, in table order, with its outputs */
    List<Outcome> evaluateAll(Map<String, Object> variables) {
        matchedRules.clear();
        List<Outcome> outcomes = new ArrayList<>();
        for (DmnDecisionRuleResult result : engine.evaluateDecisionTable(decision, variables)) {
            outcomes.add(new Outcome(matchedRules.get(outcomes.size()), result));
        }
        return outcomes;
    }

    Outcome evaluate(Map<String, Object> variables) {
        matchedRules.clear();
        DmnDecisionRuleResult result = engine.evaluateDecisionTable(decision, variables).getSingleResult();
        if (result == null || matchedRules.isEmpty()) {
            throw new AssertionError("no rule of " + decision.getKey() + " matched " + variables);
        }
        return new Outcome(matchedRules.get(0), result);
    }
}
