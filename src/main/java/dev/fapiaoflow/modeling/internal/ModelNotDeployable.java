package dev.fapiaoflow.modeling.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;

import dev.fapiaoflow.modeling.ModelProblem;
import dev.fapiaoflow.shared.EngineRestRefusals;
import dev.fapiaoflow.shared.Texts;

/**
 * A deployment the model rules refused ({@link ModelRules}: the sandbox, Camunda's parsers, what the models refer to);
 * nothing of it was deployed. A {@link ParseException}, so that Camunda's tools show each problem at its element
 * (Camunda Modeler reads the resource reports), answered 422 on {@code /engine-rest} with the same list of problems as
 * {@code /api/models}.
 */
class ModelNotDeployable extends ParseException implements EngineRestRefusals.Unprocessable {

    private final transient Map<String, List<ModelProblem>> problems;

    /** @param problems the problems of each refused resource, by resource name */
    ModelNotDeployable(Map<String, List<ModelProblem>> problems) {
        super(message(problems), problems.keySet().iterator().next(), List.of(), List.of());
        this.problems = new LinkedHashMap<>(problems);
        List<org.camunda.bpm.engine.ResourceReport> reports = new ArrayList<>();
        problems.forEach((resource, list) -> reports.add(new ResourceReportImpl(resource,
                list.stream().<Problem>map(SandboxProblem::new).toList(), List.of())));
        this.resorceReports = reports;
    }

    /** one problem as {@code /engine-rest} lists it: the {@code /api/models} fields and the resource it is in */
    record ResourceProblem(String resource, String elementId, String kind, String message) {
    }

    @Override
    public List<ResourceProblem> refusedItems() {
        return problems.entrySet().stream().flatMap(e -> e.getValue().stream()
                .map(p -> new ResourceProblem(e.getKey(), p.elementId(), p.kind(), p.message()))).toList();
    }

    /** every problem, of every refused resource */
    List<ModelProblem> problems() {
        return problems.values().stream().flatMap(List::stream).toList();
    }

    private static String message(Map<String, List<ModelProblem>> problems) {
        return Texts.of("modeling.notDeployable") + ": " + problems.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().stream()
                        .map(p -> (p.elementId() == null ? "" : p.elementId() + ": ") + p.message()).collect(Collectors.joining("; ")))
                .collect(Collectors.joining(" | "));
    }

    /** one problem in Camunda's form (no line and column: the sandbox reads the model as a tree) */
    private record SandboxProblem(ModelProblem problem) implements Problem {

        @Override
        public String getMessage() {
            return problem.kind() + ": " + problem.message();
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return problem.elementId();
        }

        @Override
        public List<String> getElementIds() {
            return problem.elementId() == null ? List.of() : List.of(problem.elementId());
        }
    }
}
