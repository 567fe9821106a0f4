package dev.fapiaoflow.modeling.internal;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.modeling.ModelKind;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.Texts;

/**
 * Moves running instances of one process version onto another with Camunda's migration API: a plan that maps every
 * activity with the same id ({@code mapEqualActivities}), validated before anything moves; Camunda refuses, per instance,
 * what the plan cannot carry (e.g. a token in an activity the new version dropped), and then nothing moves.
 */
@Component
class ModelMigrations {

    public record Instruction(List<String> sourceActivities, List<String> targetActivities) {
    }

    public record Plan(String key, int fromVersion, int toVersion, List<Instruction> instructions, List<String> problems,
            List<String> processInstanceIds) {
    }

    private final RuntimeService runtime;
    private final ModelLibrary library;

    ModelMigrations(RuntimeService runtime, ModelLibrary library) {
        this.runtime = runtime;
        this.library = library;
    }

    Plan plan(String key, int fromVersion, int toVersion) {
        ModelLibrary.Version from = library.versionOrLatest(ModelKind.BPMN, key, fromVersion);
        ModelLibrary.Version to = library.versionOrLatest(ModelKind.BPMN, key, toVersion);
        List<String> instances = runtime.createProcessInstanceQuery().processDefinitionId(from.definitionId()).list().stream()
                .map(ProcessInstance::getId).toList();
        try {
            MigrationPlan plan = build(from, to);
            return new Plan(key, from.version(), to.version(), plan.getInstructions().stream().map(ModelMigrations::instruction).toList(),
                    List.of(), instances);
        } catch (MigrationPlanValidationException e) {
            List<String> problems = e.getValidationReport().getInstructionReports().stream()
                    .flatMap(report -> report.getFailures().stream()
                            .map(failure -> report.getMigrationInstruction().getSourceActivityId() + ": " + failure))
                    .map(String.class::cast).toList();
            return new Plan(key, from.version(), to.version(), List.of(), problems.isEmpty() ? List.of(e.getMessage()) : problems, instances);
        }
    }

    /** migrates the chosen instances (all or none); gives how many moved */
    @Transactional
    int migrate(String key, int fromVersion, int toVersion, List<String> processInstanceIds) {
        if (processInstanceIds == null || processInstanceIds.isEmpty()) {
            throw new InvalidInputException("processInstanceIds", Texts.of("modeling.migration.none"));
        }
        ModelLibrary.Version from = library.versionOrLatest(ModelKind.BPMN, key, fromVersion);
        ModelLibrary.Version to = library.versionOrLatest(ModelKind.BPMN, key, toVersion);
        try {
            runtime.newMigration(build(from, to)).processInstanceIds(processInstanceIds).execute();
            return processInstanceIds.size();
        } catch (MigratingProcessInstanceValidationException e) {
            throw new InvalidInputException("processInstanceIds", Texts.of("modeling.migration.instance", e.getValidationReport().getProcessInstanceId(), failures(e)));
        } catch (MigrationPlanValidationException e) {
            throw new InvalidInputException("toVersion", Texts.of("modeling.migration.plan", e.getMessage()));
        } catch (ProcessEngineException e) {
            throw new InvalidInputException("processInstanceIds", e.getMessage());
        }
    }

    private static List<String> failures(MigratingProcessInstanceValidationException e) {
        List<String> failures = new java.util.ArrayList<>(e.getValidationReport().getFailures());
        e.getValidationReport().getActivityInstanceReports()
                .forEach(report -> report.getFailures().forEach(f -> failures.add(report.getSourceScopeId() + ": " + f)));
        e.getValidationReport().getTransitionInstanceReports()
                .forEach(report -> report.getFailures().forEach(f -> failures.add(report.getSourceScopeId() + ": " + f)));
        return failures;
    }

    private MigrationPlan build(ModelLibrary.Version from, ModelLibrary.Version to) {
        return runtime.createMigrationPlan(from.definitionId(), to.definitionId()).mapEqualActivities().build();
    }

    private static Instruction instruction(MigrationInstruction instruction) {
        return new Instruction(List.of(instruction.getSourceActivityId()), List.of(instruction.getTargetActivityId()));
    }
}
