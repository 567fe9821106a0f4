package dev.fapiaoflow.taskform;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.value.TypedValue;

import dev.fapiaoflow.taskform.TaskForms.DeclaredForm;
import dev.fapiaoflow.taskform.VariableWrite.Target;

/**
 * Checks what a person writes before the engine runs the command, so a refused write changes nothing:
 * <ul>
 * <li>completing, resolving or submitting a task, and setting or removing variables through it, may touch only the
 * fields of the task's form, each with a value of its type (and one of its choices);</li>
 * <li>variables of an execution or process instance are changed directly only by the configured groups (process
 * owners and administrators, e.g. in Cockpit).</li>
 * </ul>
 * Only commands a caller outside the engine starts with a logged-in user are checked: every door from outside (the
 * app's pages, {@code /engine-rest}, {@code /camunda}) runs as the user, while the engine's own delegates and
 * listeners (nested commands, or no user at all: jobs, the application's own code) set variables as the model says.
 */
final class TaskFormGuard extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl engine;
    private final Set<String> variableWriterGroups;

    TaskFormGuard(ProcessEngineConfigurationImpl engine, Set<String> variableWriterGroups) {
        this.engine = engine;
        this.variableWriterGroups = Set.copyOf(variableWriterGroups);
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() == null) { // a caller outside the engine, not a delegate or listener inside it
            Authentication caller = engine.getIdentityService().getCurrentAuthentication();
            if (caller != null && caller.getUserId() != null) {
                VariableWrite.of(command).filter(write -> !write.isEmpty())
                        .ifPresent(write -> next.execute(checking(write, caller)));
            }
        }
        return next.execute(command);
    }

    private Command<Void> checking(VariableWrite write, Authentication caller) {
        return context -> {
            if (write.target() == Target.PROCESS) {
                checkProcessWrite(write, caller);
            } else {
                TaskForms.of(write.entityId(), context).filter(form -> !form.standalone())
                        .ifPresent(form -> checkTaskWrite(write, form));
            }
            return null;
        };
    }

    private void checkProcessWrite(VariableWrite write, Authentication caller) {
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (Collections.disjoint(groups, variableWriterGroups)) {
            String variable = write.values().isEmpty() ? write.removals().iterator().next()
                    : write.values().keySet().iterator().next();
            throw new VariableWriteRefused(variable, "process variables are changed directly only by "
                    + variableWriterGroups.stream().sorted().toList() + "; " + caller.getUserId()
                    + " works through the forms of their tasks (" + variable + ")");
        }
    }

    private static void checkTaskWrite(VariableWrite write, DeclaredForm form) {
        for (String name : write.values().keySet()) {
            FormField field = form.field(name).orElseThrow(() -> undeclared(name, form));
            TypedValue value = write.values().getValueTyped(name);
            String misfit = field.misfit(value);
            if (misfit != null) {
                throw new VariableWriteRefused(name, name + " " + misfit + " (form " + form.formName() + " of task "
                        + form.task().getTaskDefinitionKey() + ")");
            }
        }
        for (String name : write.removals()) {
            form.field(name).orElseThrow(() -> undeclared(name, form));
        }
    }

    private static VariableWriteRefused undeclared(String name, DeclaredForm form) {
        return new VariableWriteRefused(name, "task " + form.task().getTaskDefinitionKey()
                + " accepts only the fields of its form " + form.formName() + " " + form.keys() + ": " + name
                + " is not one of them");
    }
}
