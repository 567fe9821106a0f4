package dev.fapiaoflow.modeling.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.dmn.Dmn;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import dev.fapiaoflow.modeling.ModelProblem;
import dev.fapiaoflow.shared.Texts;

/**
 * The one place that decides whether models may be deployed, run by {@link SandboxDeployer} inside every new
 * deployment whatever its door (start-up files, the browser modeler, {@code /api/models}, {@code /engine-rest}): the
 * sandbox's policy ({@link SandboxInspection}), Camunda's own BPMN and DMN parsers, a BPMN file's executable process, and
 * what the models refer to ({@link ModelReferences}). Every problem of every resource is collected before the
 * deployment is refused, so a parse error does not hide the rest.
 */
@Component
class ModelRules {

    static final String NOT_EXECUTABLE = "NOT_EXECUTABLE";
    static final String PARSE = "PARSE";

    private final ModelSandbox sandbox;
    private final ResourceLoader application;
    private final ObjectMapper json = new ObjectMapper();

    ModelRules(ModelSandbox sandbox, ResourceLoader application) {
        this.sandbox = sandbox;
        this.application = application;
    }

    /** the problems of each resource of a new deployment that has any; empty when the deployment may go ahead */
    Map<String, List<ModelProblem>> problemsOf(DeploymentEntity deployment) {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        deployment.getResources().values().forEach(resource -> resources.put(resource.getName(), bytes(resource)));
        ModelReferences.Deployment contents = contents(resources);
        Map<String, List<ModelProblem>> refused = new LinkedHashMap<>();
        resources.forEach((name, content) -> {
            List<ModelProblem> problems = new ArrayList<>(SandboxInspection.of(sandbox, name, content));
            boolean readable = problems.stream().noneMatch(p -> SandboxInspection.RESOURCE_REFUSED.equals(p.kind()));
            if (readable && bpmn(name)) {
                Document model = Xml.parse(content);
                problems.addAll(executable(model));
                problems.addAll(bpmnParse(deployment, name, content));
                problems.addAll(withoutAuthorization(() -> ModelReferences.of(model, contents, lookups())));
            } else if (readable && dmn(name)) {
                problems.addAll(dmnParse(content));
            } else if (readable && name.endsWith(".form")) {
                problems.addAll(DeployedForms.problems(content));
            }
            if (!problems.isEmpty()) {
                refused.put(name, List.copyOf(problems));
            }
        });
        return refused;
    }

    /** Camunda deploys no process of a file whose processes are all non-executable, and parses none of them either */
    private static List<ModelProblem> executable(Document model) {
        String firstProcess = null;
        for (Element element : Xml.elements(model)) {
            if (Xml.BPMN.equals(element.getNamespaceURI()) && "process".equals(element.getLocalName())) {
                if ("true".equalsIgnoreCase(element.getAttribute("isExecutable").trim())) {
                    return List.of();
                }
                firstProcess = firstProcess == null ? element.getAttribute("id") : firstProcess;
            }
        }
        return List.of(new ModelProblem(firstProcess, NOT_EXECUTABLE, firstProcess == null ? Texts.of("modeling.check.noProcess")
                : Texts.of("modeling.check.notExecutable")));
    }

    /** Camunda's BPMN parser on its own (without the engine's parse listeners), its errors as problems */
    private static List<ModelProblem> bpmnParse(DeploymentEntity deployment, String name, byte[] content) {
        ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
        if (engine == null) {
            return List.of();
        }
        BpmnParser parser = new BpmnParser(engine.getExpressionManager(), engine.getBpmnParseFactory());
        parser.setParseListeners(new ArrayList<>());
        try {
            BpmnParse parse = parser.createParse().sourceInputStream(new ByteArrayInputStream(content)).deployment(deployment).name(name);
            if (!deployment.isValidatingSchema()) {
                parse.setSchemaResource(null);
            }
            parse.execute();
            return List.of();
        } catch (ParseException e) {
            List<ModelProblem> problems = new ArrayList<>();
            for (ResourceReport report : e.getResorceReports()) {
                for (Problem problem : report.getErrors()) {
                    problems.add(new ModelProblem(problem.getMainElementId(), PARSE, problem.getMessage()));
                }
            }
            return problems.isEmpty() ? List.of(new ModelProblem(null, PARSE, e.getMessage())) : problems;
        } catch (ProcessEngineException e) {
            return List.of(new ModelProblem(null, PARSE, e.getMessage()));
        }
    }

    /** Camunda's DMN transformation, which refuses what the DMN engine could not evaluate */
    private static List<ModelProblem> dmnParse(byte[] content) {
        ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
        if (engine == null || engine.getDmnEngineConfiguration() == null) {
            return List.of();
        }
        try {
            engine.getDmnEngineConfiguration().getTransformer().createTransform()
                    .modelInstance(Dmn.readModelFromStream(new ByteArrayInputStream(content))).transformDecisionRequirementsGraph();
            return List.of();
        } catch (RuntimeException e) {
            return List.of(new ModelProblem(null, PARSE, e.getMessage()));
        }
    }

    /** the processes, decisions and forms a deployment brings, which its models may refer to */
    private ModelReferences.Deployment contents(Map<String, byte[]> resources) {
        Set<String> processes = new HashSet<>();
        Set<String> decisions = new HashSet<>();
        Set<String> forms = new HashSet<>();
        resources.forEach((name, content) -> {
            try {
                if (bpmn(name) || dmn(name)) {
                    for (Element element : Xml.elements(Xml.parse(content))) {
                        if (bpmn(name) && Xml.BPMN.equals(element.getNamespaceURI()) && "process".equals(element.getLocalName())
                                && "true".equalsIgnoreCase(element.getAttribute("isExecutable").trim())) {
                            processes.add(element.getAttribute("id"));
                        } else if (dmn(name) && "decision".equals(element.getLocalName()) && element.hasAttribute("id")) {
                            decisions.add(element.getAttribute("id"));
                        }
                    }
                } else if (name.endsWith(".form")) {
                    JsonNode id = json.readTree(content).get("id");
                    if (id != null && id.isTextual()) {
                        forms.add(id.asText());
                    }
                }
            } catch (IllegalArgumentException | IOException e) {
                // an unreadable resource brings nothing; its own check names why
            }
        });
        return new ModelReferences.Deployment(Set.copyOf(resources.keySet()), processes, decisions, forms);
    }

    /** the engine's services from inside the deployment's command: the same transaction, and all of the identity store */
    private ModelReferences.Lookups lookups() {
        ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
        return new ModelReferences.Lookups() {
            @Override
            public boolean isBean(String name) {
                return sandbox.isBean(name);
            }

            @Override
            public boolean classExists(String className) {
                try {
                    Class.forName(className, false, ModelRules.class.getClassLoader());
                    return true;
                } catch (ClassNotFoundException | LinkageError e) {
                    return false;
                }
            }

            @Override
            public boolean userExists(String userId) {
                return engine.getIdentityService().createUserQuery().userId(userId).count() > 0;
            }

            @Override
            public boolean groupExists(String groupId) {
                return engine.getIdentityService().createGroupQuery().groupId(groupId).count() > 0;
            }

            @Override
            public RepositoryService repository() {
                return engine.getRepositoryService();
            }

            @Override
            public boolean formDeployed(String formId) {
                // the engine's own form definitions, as camunda:formRef resolves them when a task is created
                return Context.getCommandContext().getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId) != null;
            }

            @Override
            public boolean appResourceExists(String path) {
                String relative = path.startsWith("/") ? path.substring(1) : path;
                if (relative.contains("..")) {
                    return false;
                }
                List<String> places = new ArrayList<>(List.of("static/", "public/", "META-INF/resources/"));
                if (relative.startsWith("forms/") && relative.endsWith(".form")) {
                    places.add("");
                }
                return places.stream().anyMatch(place -> application.getResource("classpath:" + place + relative).exists());
            }
        };
    }

    /** the user deploying may not read every group or definition; the check must see them all */
    private static <T> T withoutAuthorization(java.util.concurrent.Callable<T> lookup) {
        CommandContext command = Context.getCommandContext();
        try {
            return command == null ? lookup.call() : command.runWithoutAuthorization(lookup);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean bpmn(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml");
    }

    private static boolean dmn(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml");
    }

    private static byte[] bytes(ResourceEntity resource) {
        return resource.getBytes() == null ? new byte[0] : resource.getBytes();
    }
}
