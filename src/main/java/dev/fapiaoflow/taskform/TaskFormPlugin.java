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

import dev.fapiaoflow.security.Groups;

/**
 * Puts {@link TaskFormGuard} in front of the engine's command chains. A Spring bean in the application; the plain
 * engine of the process tests names it in {@code camunda.cfg.xml}, so the models are tested under the same rule.
 */
@Component
public class TaskFormPlugin extends AbstractProcessEnginePlugin {

    private Set<String> variableWriterGroups;

    /** the default: process owners and Camunda administrators may change process variables directly */
    public TaskFormPlugin() {
        this(List.of(Groups.PROCESS_OWNER, Groups.CAMUNDA_ADMIN));
    }

    @Autowired
    TaskFormPlugin(@Value("${fapiaoflow.tasks.variable-writer-groups:process-owner,camunda-admin}") List<String> variableWriterGroups) {
        this.variableWriterGroups = Set.copyOf(variableWriterGroups);
        VariableWrite.verifyFields();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskFormGuard guard = new TaskFormGuard(configuration, variableWriterGroups);
        configuration.setCustomPreCommandInterceptorsTxRequired(withGuard(configuration.getCustomPreCommandInterceptorsTxRequired(), guard));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(withGuard(configuration.getCustomPreCommandInterceptorsTxRequiresNew(),
                new TaskFormGuard(configuration, variableWriterGroups)));
    }

    private static List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors, TaskFormGuard guard) {
        List<CommandInterceptor> all = new ArrayList<>();
        all.add(guard); // first: before the engine opens a command context, so the check sees the outermost command
        if (interceptors != null) {
            all.addAll(interceptors);
        }
        return all;
    }
}
