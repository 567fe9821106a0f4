package dev.fapiaoflow.modeling.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import dev.fapiaoflow.modeling.ModelKind;
import dev.fapiaoflow.modeling.ModelProblem;

/**
 * What would break if a model were deployed as it is: a deployment that is always rolled back, so that the
 * {@link ModelRules} judge it exactly as they judge every door's deployment (every problem at once); then a changed
 * decision table is evaluated against its test cases.
 */
@Component
class ModelChecks {

    /** the outcome of a check: problems block a deployment, differences are shown */
    public record Outcome(List<ModelProblem> problems, List<DecisionCases.Difference> differences) {
        boolean deployable() {
            return problems.isEmpty();
        }
    }

    private final RepositoryService repository;
    private final TransactionTemplate rolledBack;
    private final DecisionCases decisionCases;

    ModelChecks(RepositoryService repository, PlatformTransactionManager transactions, DecisionCases decisionCases) {
        this.repository = repository;
        this.rolledBack = new TransactionTemplate(transactions);
        this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.decisionCases = decisionCases;
    }

    Outcome check(String resourceName, byte[] content) {
        ModelKind kind = ModelKind.ofResource(resourceName).orElseThrow();
        List<ModelProblem> problems = new ArrayList<>(deployRolledBack(resourceName, content));
        if (!problems.isEmpty() || kind != ModelKind.DMN) {
            return new Outcome(problems, List.of());
        }
        List<DecisionCases.Difference> differences = decisionDifferences(Xml.parse(content), content, problems);
        return new Outcome(problems, differences);
    }

    /** the engine's deployment, with the model rules inside it, in a transaction that is rolled back whatever happens */
    private List<ModelProblem> deployRolledBack(String resourceName, byte[] content) {
        List<ModelProblem> problems = new ArrayList<>();
        rolledBack.executeWithoutResult(status -> {
            status.setRollbackOnly();
            try {
                repository.createDeployment().name("fapiaoflow-check").addInputStream(resourceName, new ByteArrayInputStream(content))
                        .deploy();
            } catch (ModelNotDeployable e) {
                problems.addAll(e.problems());
            } catch (ParseException e) {
                for (ResourceReport report : e.getResorceReports()) {
                    for (Problem problem : report.getErrors()) {
                        problems.add(new ModelProblem(problem.getMainElementId(), ModelRules.PARSE, problem.getMessage()));
                    }
                }
                if (problems.isEmpty()) {
                    problems.add(new ModelProblem(null, ModelRules.PARSE, e.getMessage()));
                }
            } catch (ProcessEngineException | IllegalArgumentException e) {
                problems.add(new ModelProblem(null, ModelRules.PARSE, e.getMessage()));
            }
        });
        return problems;
    }

    private List<DecisionCases.Difference> decisionDifferences(Document model, byte[] content, List<ModelProblem> problems) {
        List<DecisionCases.Difference> differences = new ArrayList<>();
        for (Element element : Xml.elements(model)) {
            if (!"decision".equals(element.getLocalName()) || !element.hasAttribute("id")) {
                continue;
            }
            String key = element.getAttribute("id");
            DecisionDefinition deployed = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
                    .singleResult();
            byte[] deployedContent = deployed == null ? null
                    : readAll(repository.getResourceAsStream(deployed.getDeploymentId(), deployed.getResourceName()));
            try {
                differences.addAll(decisionCases.differences(key, content, deployedContent));
            } catch (IllegalArgumentException e) {
                problems.add(new ModelProblem(key, "DECISION_CASE_FAILED", e.getMessage()));
            }
        }
        return differences;
    }

    static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
