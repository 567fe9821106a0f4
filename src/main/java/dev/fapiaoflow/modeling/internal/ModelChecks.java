package dev.fapiaoflow.modeling.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import dev.fapiaoflow.modeling.ModelKind;
import dev.fapiaoflow.modeling.ModelProblem;

/**
 * What would break if a model were deployed as it is: the sandbox and Camunda's own parser (a deployment that is always
 * rolled back, so the {@link SandboxDeployer} sees it like any other),
 * then every reference the engine resolves only at run time: beans of delegate expressions and expressions, classes,
 * decisions, called processes, forms, and the candidate groups of user tasks; a changed decision table is evaluated
 * against its test cases.
 */
@Component
class ModelChecks {

    /** the outcome of a check: problems block a deployment, differences are shown */
    public record Outcome(List<ModelProblem> problems, List<DecisionCases.Difference> differences) {
        boolean deployable() {
            return problems.isEmpty();
        }
    }

    private static final Pattern EXPRESSION_ROOT = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*([.}(\\[])");
    /** names every expression knows without a bean: the engine's own objects and literals */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution",
            "variableScope", "authenticatedUserId", "true", "false", "null", "empty", "not");
    private static final String DEPLOYMENT_FORM_PREFIX = "camunda-forms:deployment:";

    private final RepositoryService repository;
    private final IdentityService identity;
    private final ApplicationContext beans;
    private final TransactionTemplate rolledBack;
    private final DeployedForms forms;
    private final DecisionCases decisionCases;

    ModelChecks(RepositoryService repository, IdentityService identity, ApplicationContext beans,
            PlatformTransactionManager transactions, DeployedForms forms, DecisionCases decisionCases) {
        this.repository = repository;
        this.identity = identity;
        this.beans = beans;
        this.rolledBack = new TransactionTemplate(transactions);
        this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.forms = forms;
        this.decisionCases = decisionCases;
    }

    Outcome check(String resourceName, byte[] content) {
        ModelKind kind = ModelKind.ofResource(resourceName).orElseThrow();
        List<ModelProblem> problems = new ArrayList<>(parse(resourceName, content));
        if (!problems.isEmpty()) {
            return new Outcome(problems, List.of());
        }
        List<DecisionCases.Difference> differences = new ArrayList<>();
        switch (kind) {
            case BPMN -> problems.addAll(references(Xml.parse(content)));
            case DMN -> differences.addAll(decisionDifferences(Xml.parse(content), content, problems));
            case FORM -> problems.addAll(DeployedForms.problems(content));
        }
        return new Outcome(problems, differences);
    }

    /** Camunda's parsers, through a deployment that is rolled back whatever happens */
    private List<ModelProblem> parse(String resourceName, byte[] content) {
        List<ModelProblem> problems = new ArrayList<>();
        rolledBack.executeWithoutResult(status -> {
            status.setRollbackOnly();
            try {
                repository.createDeployment().name("fapiaoflow-check").addInputStream(resourceName, new ByteArrayInputStream(content))
                        .deploy();
            } catch (ModelOutsideSandbox e) {
                problems.addAll(e.problems());
            } catch (ParseException e) {
                for (ResourceReport report : e.getResorceReports()) {
                    for (Problem problem : report.getErrors()) {
                        problems.add(new ModelProblem(problem.getMainElementId(), "PARSE", problem.getMessage()));
                    }
                }
                if (problems.isEmpty()) {
                    problems.add(new ModelProblem(null, "PARSE", e.getMessage()));
                }
            } catch (ProcessEngineException | IllegalArgumentException e) {
                problems.add(new ModelProblem(null, "PARSE", e.getMessage()));
            }
        });
        return problems;
    }

    private List<ModelProblem> references(Document model) {
        List<ModelProblem> problems = new ArrayList<>();
        Set<String> processesInFile = new HashSet<>();
        for (Element element : Xml.elements(model)) {
            if (Xml.BPMN.equals(element.getNamespaceURI()) && "process".equals(element.getLocalName())) {
                processesInFile.add(element.getAttribute("id"));
            }
        }
        Set<String> formIds = null;
        for (Element element : Xml.elements(model)) {
            String id = Xml.owningId(element);
            String delegateExpression = camundaAttribute(element, "delegateExpression");
            if (delegateExpression != null) {
                unknownBean(delegateExpression, true).ifPresent(bean -> problems.add(new ModelProblem(id, "UNKNOWN_BEAN",
                        "delegate expression " + delegateExpression + " names no bean " + bean)));
            }
            String expression = camundaAttribute(element, "expression");
            if (expression != null) {
                unknownBean(expression, false).ifPresent(bean -> problems.add(new ModelProblem(id, "UNKNOWN_BEAN",
                        "expression " + expression + " calls " + bean + ", which is no bean")));
            }
            String className = camundaAttribute(element, "class");
            if (className != null && !className.isBlank() && !classExists(className.trim())) {
                problems.add(new ModelProblem(id, "UNKNOWN_CLASS", "class " + className + " does not exist"));
            }
            if (!Xml.BPMN.equals(element.getNamespaceURI())) {
                continue;
            }
            switch (element.getLocalName()) {
                case "businessRuleTask" -> {
                    String decision = Xml.attribute(element, Xml.CAMUNDA, "decisionRef");
                    if (literal(decision) && repository.createDecisionDefinitionQuery().decisionDefinitionKey(decision).count() == 0) {
                        problems.add(new ModelProblem(id, "UNKNOWN_DECISION", "no decision " + decision + " is deployed"));
                    }
                }
                case "callActivity" -> {
                    String called = element.getAttribute("calledElement");
                    if (literal(called) && !processesInFile.contains(called)
                            && repository.createProcessDefinitionQuery().processDefinitionKey(called).count() == 0) {
                        problems.add(new ModelProblem(id, "UNKNOWN_PROCESS", "no process " + called + " is deployed"));
                    }
                }
                case "userTask", "startEvent" -> {
                    String formRef = Xml.attribute(element, Xml.CAMUNDA, "formRef");
                    if (literal(formRef)) {
                        formIds = formIds == null ? forms.formIds() : formIds;
                        if (!formIds.contains(formRef)) {
                            problems.add(new ModelProblem(id, "UNKNOWN_FORM", "no form " + formRef + " is deployed"));
                        }
                    }
                    String formKey = Xml.attribute(element, Xml.CAMUNDA, "formKey");
                    if (formKey != null && formKey.startsWith(DEPLOYMENT_FORM_PREFIX)) {
                        problems.add(new ModelProblem(id, "UNKNOWN_FORM", "form file " + formKey.substring(DEPLOYMENT_FORM_PREFIX.length())
                                + " would have to be in the same deployment; refer to the form by camunda:formRef (binding latest)"));
                    }
                    if ("userTask".equals(element.getLocalName())) {
                        problems.addAll(candidateGroups(element, id));
                    }
                }
                default -> { }
            }
        }
        return problems;
    }

    /** camunda:name on a BPMN element; the plain attribute on Camunda's own extension elements (listeners) */
    private static String camundaAttribute(Element element, String name) {
        if (Xml.CAMUNDA.equals(element.getNamespaceURI())) {
            return element.hasAttribute(name) ? element.getAttribute(name) : null;
        }
        return Xml.attribute(element, Xml.CAMUNDA, name);
    }

    private List<ModelProblem> candidateGroups(Element task, String id) {
        String groups = Xml.attribute(task, Xml.CAMUNDA, "candidateGroups");
        if ((groups == null || groups.isBlank()) && hasOtherOwner(task)) {
            return List.of();
        }
        if (groups == null || groups.isBlank()) {
            return List.of(new ModelProblem(id, "NO_CANDIDATE_GROUP", "user task " + id + " has no candidate groups"));
        }
        if (groups.contains("${") || groups.contains("#{")) {
            return List.of();
        }
        List<ModelProblem> problems = new ArrayList<>();
        for (String group : new LinkedHashSet<>(List.of(groups.split("\\s*,\\s*")))) {
            if (!group.isBlank() && identity.createGroupQuery().groupId(group.trim()).count() == 0) {
                problems.add(new ModelProblem(id, "UNKNOWN_GROUP", "candidate group " + group.trim() + " does not exist"));
            }
        }
        return problems;
    }

    /** an assignee, candidate users or the standard potentialOwner/humanPerformer: someone can work on the task */
    private static boolean hasOtherOwner(Element task) {
        for (String attribute : List.of("assignee", "candidateUsers")) {
            String value = Xml.attribute(task, Xml.CAMUNDA, attribute);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        for (org.w3c.dom.Node child = task.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && Xml.BPMN.equals(element.getNamespaceURI())
                    && ("potentialOwner".equals(element.getLocalName()) || "humanPerformer".equals(element.getLocalName()))) {
                return true;
            }
        }
        return false;
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

    /** the bean an expression starts with when no bean has that name */
    private java.util.Optional<String> unknownBean(String expression, boolean delegate) {
        Matcher matcher = EXPRESSION_ROOT.matcher(expression);
        if (!matcher.find()) {
            return java.util.Optional.empty();
        }
        String root = matcher.group(1);
        String next = matcher.group(2);
        boolean namesABean = delegate ? (next.equals("}") || next.equals(".")) : next.equals(".");
        if (!namesABean || ENGINE_NAMES.contains(root) || beans.containsBean(root)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(root);
    }

    private boolean classExists(String className) {
        try {
            Class.forName(className, false, getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean literal(String value) {
        return value != null && !value.isBlank() && !value.contains("${") && !value.contains("#{");
    }

    static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
