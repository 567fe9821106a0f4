package dev.fapiaoflow.taskform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.shared.Groups;

/**
 * Puts {@link TaskFormGuard} in front of the engine's command chains. A Spring bean in the application; the plain
 * engine of the process tests names it in {@code camunda.cfg.xml}, so the models are tested under the same rule.
 */
@Component
public class TaskFormPlugin extends AbstractProcessEnginePlugin {

    private final Set<String> variableWriterGroups;

    /** the default: process owners and Camunda administrators may change process variables directly */
    public TaskFormPlugin() {
        this(List.of(Groups.PROCESS_OWNER, Groups.CAMUNDA_ADMIN));
    }

    @Autowired
    TaskFormPlugin(
            @Value("${fapiaoflow.tasks.variable-writer-groups:process-owner,camunda-admin}") List<String> variableWriterGroups) {
        this.variableWriterGroups = Set.copyOf(variableWriterGroups);
        VariableWrite.verifyFields();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // one guard per chain (an interceptor knows its next one)
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withGuard(configuration, configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withGuard(configuration, configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    private List<CommandInterceptor> withGuard(ProcessEngineConfigurationImpl configuration, List<CommandInterceptor> others) {
        List<CommandInterceptor> all = new ArrayList<>();
        // first: before the engine opens a command context, so the guard tells an outside caller from a nested command
        all.add(new TaskFormGuard(configuration, variableWriterGroups));
        if (others != null) {
            all.addAll(others);
        }
        return all;
    }
}
