package dev.fapiaoflow.taskform;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The variables an engine command is about to write, read from the command before it runs: completing or resolving
 * a task, submitting its form, setting, patching or removing task variables (all on one task), and the same on an
 * execution or process instance. Camunda keeps them in protected fields; they are read by reflection, and a field
 * that an engine upgrade renamed fails the start (see {@link #verifyFields()}) instead of letting writes through.
 */
record VariableWrite(Target target, String entityId, VariableMap values, Collection<String> removals) {

    enum Target {
        /** completing, resolving or submitting the form of a task */
        COMPLETION,
        /** variables set or removed through a task, while it is open */
        TASK,
        /** variables set or removed on an execution or process instance */
        PROCESS
    }

    private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId");
    private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
    private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId");
    private static final Field SUBMIT_PROPERTIES = field(SubmitTaskFormCmd.class, "properties");
    private static final Field ENTITY_ID = field(AbstractVariableCmd.class, "entityId");
    private static final Field SET_VARIABLES = field(AbstractSetVariableCmd.class, "variables");
    private static final Field REMOVED_NAMES = field(AbstractRemoveVariableCmd.class, "variableNames");
    private static final Field PATCH_ENTITY_ID = field(AbstractPatchVariablesCmd.class, "entityId");
    private static final Field PATCH_VARIABLES = field(AbstractPatchVariablesCmd.class, "variables");
    private static final Field PATCH_DELETIONS = field(AbstractPatchVariablesCmd.class, "deletions");

    /** called when the plugin starts: touching the class resolves every field, or fails */
    static void verifyFields() {
    }

    /** what the command writes, if it is one of the variable-writing commands */
    static Optional<VariableWrite> of(Command<?> command) {
        if (command instanceof CompleteTaskCmd) { // also ResolveTaskCmd
            return Optional.of(write(Target.COMPLETION, read(COMPLETE_TASK_ID, command), read(COMPLETE_VARIABLES, command), null));
        }
        if (command instanceof SubmitTaskFormCmd) {
            return Optional.of(write(Target.COMPLETION, read(SUBMIT_TASK_ID, command), read(SUBMIT_PROPERTIES, command), null));
        }
        if (command instanceof SetTaskVariablesCmd || command instanceof SetExecutionVariablesCmd) {
            return Optional.of(write(targetOf(command instanceof SetTaskVariablesCmd), read(ENTITY_ID, command),
                    read(SET_VARIABLES, command), null));
        }
        if (command instanceof RemoveTaskVariablesCmd || command instanceof RemoveExecutionVariablesCmd) {
            return Optional.of(write(targetOf(command instanceof RemoveTaskVariablesCmd), read(ENTITY_ID, command), null,
                    read(REMOVED_NAMES, command)));
        }
        if (command instanceof PatchTaskVariablesCmd || command instanceof PatchExecutionVariablesCmd) {
            return Optional.of(write(targetOf(command instanceof PatchTaskVariablesCmd), read(PATCH_ENTITY_ID, command),
                    read(PATCH_VARIABLES, command), read(PATCH_DELETIONS, command)));
        }
        return Optional.empty();
    }

    boolean isEmpty() {
        return values.isEmpty() && removals.isEmpty();
    }

    private static Target targetOf(boolean task) {
        return task ? Target.TASK : Target.PROCESS;
    }

    private static VariableWrite write(Target target, String entityId, Map<String, ?> values, Collection<String> removals) {
        @SuppressWarnings("unchecked")
        VariableMap typed = values == null ? Variables.createVariables() : Variables.fromMap((Map<String, Object>) values);
        return new VariableWrite(target, entityId, typed, removals == null ? List.of() : List.copyOf(removals));
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(Field field, Object command) {
        try {
            return (T) field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no field " + name
                    + " any more: the task form policy cannot see what it writes; adapt VariableWrite", e);
        }
    }
}
