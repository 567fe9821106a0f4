package dev.fapiaoflow.modeling.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import dev.fapiaoflow.modeling.ModelProblem;
import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.shared.Texts;

/**
 * What a BPMN model refers to that the engine resolves only when it runs, read as Camunda 7 reads it: {@code camunda:}
 * and the legacy {@code activiti:} attributes alike, the standard {@code potentialOwner}/{@code humanPerformer}, called
 * processes and decisions by their binding, and form keys of every kind. Each unresolved reference is a problem at
 * its element; the other models of the same deployment count as present.
 */
final class ModelReferences {

    /** how the rest of the deployment and the engine answer what a model refers to */
    interface Lookups {
        boolean isBean(String name);

        boolean classExists(String className);

        boolean userExists(String userId);

        boolean groupExists(String groupId);

        RepositoryService repository();

        boolean formDeployed(String formId);

        boolean appResourceExists(String path);
    }

    /** what the deployment being checked brings along */
    record Deployment(Set<String> resourceNames, Set<String> processKeys, Set<String> decisionKeys, Set<String> formIds) {
    }

    private static final Pattern EXPRESSION_ROOT = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*([.}(\\[])");
    /** names every expression knows without a bean: the engine's own objects and literals */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution",
            "variableScope", "authenticatedUserId", "true", "false", "null", "empty", "not");
    /** the application's roles: created at every start (after the start-up files are deployed) */
    static final Set<String> APPLICATION_GROUPS = Set.of(Groups.CUSTOMER, Groups.SHOP, Groups.FINANCE_REVIEWER, Groups.FINANCE_MANAGER,
            Groups.CUSTOMER_SERVICE, Groups.PROCESS_OWNER, Groups.ADMIN, Groups.CAMUNDA_ADMIN);
    private static final Pattern FORM_KEY = Pattern.compile("^(camunda-forms|embedded):(deployment|app):(.+)$");
    private static final Pattern USER_OR_GROUP = Pattern.compile("^(user|group)\\((.*)\\)$");

    private final Lookups lookups;
    private final Deployment deployment;
    private final List<ModelProblem> problems = new ArrayList<>();

    private ModelReferences(Lookups lookups, Deployment deployment) {
        this.lookups = lookups;
        this.deployment = deployment;
    }

    static List<ModelProblem> of(Document model, Deployment deployment, Lookups lookups) {
        ModelReferences references = new ModelReferences(lookups, deployment);
        references.read(model);
        return List.copyOf(references.problems);
    }

    private void read(Document model) {
        for (Element element : Xml.elements(model)) {
            String id = Xml.owningId(element);
            delegates(element, id);
            if (!Xml.BPMN.equals(element.getNamespaceURI())) {
                continue;
            }
            switch (element.getLocalName()) {
                case "businessRuleTask" -> decision(element, id);
                case "callActivity" -> calledProcess(element, id);
                case "userTask" -> {
                    form(element, id);
                    performers(element, id);
                }
                case "startEvent" -> form(element, id);
                default -> { }
            }
        }
    }

    private void delegates(Element element, String id) {
        String delegateExpression = extension(element, "delegateExpression");
        if (delegateExpression != null) {
            unknownBean(delegateExpression, true).ifPresent(bean -> problem(id, "UNKNOWN_BEAN",
                    Texts.of("modeling.rule.unknownDelegateBean", delegateExpression, bean)));
        }
        String expression = extension(element, "expression");
        if (expression != null) {
            unknownBean(expression, false).ifPresent(bean -> problem(id, "UNKNOWN_BEAN",
                    Texts.of("modeling.rule.unknownExpressionBean", expression, bean)));
        }
        String className = extension(element, "class");
        if (className != null && !className.isBlank() && !lookups.classExists(className.trim())) {
            problem(id, "UNKNOWN_CLASS", Texts.of("modeling.rule.unknownClass", className.trim()));
        }
    }

    private void decision(Element task, String id) {
        String key = extension(task, "decisionRef");
        if (literal(key)) {
            resolve(id, "UNKNOWN_DECISION", Texts.of("modeling.rule.what.decision"), key, binding(task, "decisionRef"), deployment.decisionKeys()::contains,
                    (version, tag) -> {
                        DecisionDefinitionQuery decisions = lookups.repository().createDecisionDefinitionQuery().decisionDefinitionKey(key);
                        if (version != null) {
                            decisions.decisionDefinitionVersion(version);
                        }
                        if (tag != null) {
                            decisions.versionTag(tag);
                        }
                        return decisions.count() > 0;
                    });
        }
    }

    private void calledProcess(Element call, String id) {
        String key = call.hasAttribute("calledElement") ? call.getAttribute("calledElement") : null;
        if (literal(key)) {
            resolve(id, "UNKNOWN_PROCESS", Texts.of("modeling.rule.what.process"), key, binding(call, "calledElement"), deployment.processKeys()::contains,
                    (version, tag) -> {
                        ProcessDefinitionQuery processes = lookups.repository().createProcessDefinitionQuery().processDefinitionKey(key);
                        if (version != null) {
                            processes.processDefinitionVersion(version);
                        }
                        if (tag != null) {
                            processes.versionTag(tag);
                        }
                        return processes.count() > 0;
                    });
        }
    }

    /** a reference's binding, version and version tag ({@code <prefix>Binding}, {@code <prefix>Version}, {@code <prefix>VersionTag}) */
    private record Binding(String kind, String version, String versionTag) {
    }

    private static Binding binding(Element element, String prefix) {
        return new Binding(Optional.ofNullable(extension(element, prefix + "Binding")).map(String::trim).orElse("latest"),
                extension(element, prefix + "Version"), extension(element, prefix + "VersionTag"));
    }

    /** whether a definition of the key is deployed, of a version or a version tag if given */
    private interface Deployed {
        boolean test(Integer version, String versionTag);
    }

    /**
     * one reference by its binding: {@code deployment} only within this deployment; {@code latest} here or deployed;
     * {@code version}/{@code versionTag} that version deployed (or, for a literal one, here); {@code what} is the
     * reader's word for the kind of definition (modeling.rule.what.*)
     */
    private void resolve(String id, String kind, String what, String key, Binding binding, Predicate<String> inThisDeployment,
            Deployed deployed) {
        switch (binding.kind()) {
            case "deployment" -> {
                if (!inThisDeployment.test(key)) {
                    problem(id, kind, Texts.of("modeling.rule.boundToDeployment", what, key));
                }
            }
            case "version" -> {
                if (!literal(binding.version())) {
                    return;
                }
                try {
                    int number = Integer.parseInt(binding.version().trim());
                    if (!deployed.test(number, null)) {
                        problem(id, kind, Texts.of("modeling.rule.versionNotDeployed", what, key, number));
                    }
                } catch (NumberFormatException e) {
                    problem(id, kind, Texts.of("modeling.rule.versionNotANumber", what, key, binding.version()));
                }
            }
            case "versionTag" -> {
                if (literal(binding.versionTag()) && !deployed.test(null, binding.versionTag().trim())) {
                    problem(id, kind, Texts.of("modeling.rule.versionTagNotDeployed", what, key, binding.versionTag().trim()));
                }
            }
            default -> {
                if (!inThisDeployment.test(key) && !deployed.test(null, null)) {
                    problem(id, kind, Texts.of("modeling.rule.notDeployed", what, key));
                }
            }
        }
    }

    /** camunda:formRef by its binding, and form keys: Camunda Forms and embedded forms, from the deployment or the application */
    private void form(Element element, String id) {
        String formRef = extension(element, "formRef");
        if (literal(formRef)) {
            String binding = Optional.ofNullable(extension(element, "formRefBinding")).orElse("latest");
            boolean here = deployment.formIds().contains(formRef);
            if ("deployment".equals(binding) ? !here : !here && !lookups.formDeployed(formRef)) {
                problem(id, "UNKNOWN_FORM", Texts.of("deployment".equals(binding) ? "modeling.rule.formNotInDeployment" : "modeling.rule.formNotDeployed",
                        formRef));
            }
        }
        String formKey = extension(element, "formKey");
        if (!literal(formKey)) {
            return;
        }
        String key = formKey.trim();
        Matcher kind = FORM_KEY.matcher(key);
        if (!kind.matches()) {
            if (key.startsWith("camunda-forms:") || key.startsWith("embedded:")) {
                problem(id, "UNKNOWN_FORM", Texts.of("modeling.rule.formKeyPlace", key));
            }
            // any other key is an external form: Tasklist links to it and Camunda resolves nothing
            return;
        }
        String path = kind.group(3).trim();
        if ("deployment".equals(kind.group(2)) && !deployment.resourceNames().contains(path)
                && deployment.resourceNames().stream().noneMatch(name -> name.endsWith("/" + path))) {
            problem(id, "UNKNOWN_FORM", Texts.of("modeling.rule.formFileNotInDeployment", path, key));
        } else if ("app".equals(kind.group(2)) && !lookups.appResourceExists(path)) {
            problem(id, "UNKNOWN_FORM", Texts.of("modeling.rule.appFormMissing", path, key));
        }
    }

    /** who works on a user task: assignee, candidate users and groups, potentialOwner, humanPerformer */
    private void performers(Element task, String id) {
        Set<String> users = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        boolean anyone = false;
        String assignee = extension(task, "assignee");
        if (assignee != null && !assignee.isBlank()) {
            anyone = true;
            users.add(assignee.trim());
        }
        String candidateUsers = extension(task, "candidateUsers");
        if (candidateUsers != null && !candidateUsers.isBlank()) {
            anyone = true;
            users.addAll(list(candidateUsers));
        }
        String candidateGroups = extension(task, "candidateGroups");
        if (candidateGroups != null && !candidateGroups.isBlank()) {
            anyone = true;
            groups.addAll(list(candidateGroups));
        }
        for (Element child : bpmnChildren(task)) {
            boolean owner = "potentialOwner".equals(child.getLocalName());
            boolean performer = "humanPerformer".equals(child.getLocalName());
            if (!owner && !performer) {
                continue;
            }
            String expression = formalExpression(child);
            if (expression == null || expression.isBlank()) {
                continue;
            }
            anyone = true;
            if (performer) {
                users.add(expression.trim());
                continue;
            }
            for (String entry : list(expression)) {
                Matcher prefixed = USER_OR_GROUP.matcher(entry);
                if (prefixed.matches()) {
                    ("user".equals(prefixed.group(1)) ? users : groups).add(prefixed.group(2).trim());
                } else {
                    groups.add(entry);
                }
            }
        }
        if (!anyone) {
            problem(id, "NO_CANDIDATE_GROUP", Texts.of("modeling.rule.noPerformer", id));
        }
        users.stream().filter(ModelReferences::literal).filter(user -> !lookups.userExists(user))
                .forEach(user -> problem(id, "UNKNOWN_USER", Texts.of("modeling.rule.unknownUser", user)));
        groups.stream().filter(ModelReferences::literal).filter(group -> !APPLICATION_GROUPS.contains(group) && !lookups.groupExists(group))
                .forEach(group -> problem(id, "UNKNOWN_GROUP", Texts.of("modeling.rule.unknownGroup", group)));
    }

    /** a comma-separated list, unless it is one expression (which may contain commas itself) */
    private static List<String> list(String value) {
        if (!literal(value)) {
            return List.of(value.trim());
        }
        return new LinkedHashSet<>(List.of(value.trim().split("\\s*,\\s*"))).stream().filter(s -> !s.isBlank()).toList();
    }

    /** camunda:name or activiti:name on a BPMN element; the plain attribute on the extension elements (listeners) */
    static String extension(Element element, String name) {
        if (Xml.CAMUNDA.equals(element.getNamespaceURI()) || Xml.ACTIVITI.equals(element.getNamespaceURI())) {
            return element.hasAttribute(name) ? element.getAttribute(name) : null;
        }
        String camunda = Xml.attribute(element, Xml.CAMUNDA, name);
        return camunda != null ? camunda : Xml.attribute(element, Xml.ACTIVITI, name);
    }

    /** the bean an expression starts with when no bean has that name */
    private Optional<String> unknownBean(String expression, boolean delegate) {
        Matcher matcher = EXPRESSION_ROOT.matcher(expression);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String root = matcher.group(1);
        String next = matcher.group(2);
        boolean namesABean = delegate ? (next.equals("}") || next.equals(".")) : next.equals(".");
        if (!namesABean || ENGINE_NAMES.contains(root) || lookups.isBean(root)) {
            return Optional.empty();
        }
        return Optional.of(root);
    }

    static boolean literal(String value) {
        return value != null && !value.isBlank() && !value.contains("${") && !value.contains("#{");
    }

    private static List<Element> bpmnChildren(Element element) {
        List<Element> children = new ArrayList<>();
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && Xml.BPMN.equals(e.getNamespaceURI())) {
                children.add(e);
            }
        }
        return children;
    }

    /** the text of a resource assignment's formalExpression (resourceAssignmentExpression/formalExpression) */
    private static String formalExpression(Element assignment) {
        org.w3c.dom.NodeList expressions = assignment.getElementsByTagNameNS(Xml.BPMN, "formalExpression");
        return expressions.getLength() == 0 ? null : expressions.item(0).getTextContent();
    }

    private void problem(String elementId, String kind, String message) {
        problems.add(new ModelProblem(elementId, kind, message));
    }
}
