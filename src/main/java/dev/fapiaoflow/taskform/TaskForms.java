package dev.fapiaoflow.taskform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/** The fields a task's form declares, read inside a command (without the caller's authorizations: it is the policy reading). */
final class TaskForms {

    private static final String CAMUNDA_FORMS_KEY = "camunda-forms:";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** the task with its declared fields; empty for a task that does not exist (the command reports that itself) */
    record DeclaredForm(TaskEntity task, String formName, List<FormField> fields) {

        Optional<FormField> field(String key) {
            return fields.stream().filter(field -> field.key().equals(key)).findFirst();
        }

        List<String> keys() {
            return fields.stream().map(FormField::key).toList();
        }

        /** a task of no process (created in Tasklist) decides nothing a process reads */
        boolean standalone() {
            return task.getProcessInstanceId() == null;
        }
    }

    private TaskForms() {
    }

    static Optional<DeclaredForm> of(String taskId, CommandContext context) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return Optional.empty();
        }
        if (task.getTaskDefinition() == null) {
            return Optional.of(new DeclaredForm(task, "none", List.of()));
        }
        TaskFormData form = context.runWithoutAuthorization(new GetTaskFormCmd(taskId));
        String key = form.getFormKey();
        if (form.getCamundaFormRef() != null || key != null && key.startsWith(CAMUNDA_FORMS_KEY)) {
            String name = form.getCamundaFormRef() != null ? form.getCamundaFormRef().getKey() : key;
            try (InputStream json = context.runWithoutAuthorization(new GetDeployedTaskFormCmd(taskId))) {
                return Optional.of(new DeclaredForm(task, name, FormField.ofCamundaForm(JSON.readTree(json))));
            } catch (IOException e) {
                throw new UncheckedIOException("the form " + name + " of task " + taskId + " is not readable JSON", e);
            }
        }
        // a generated form (camunda:formData); an embedded or external form (key) declares nothing the engine can read
        return Optional.of(new DeclaredForm(task, key == null ? "camunda:formData" : key,
                form.getFormFields().stream().map(FormField::ofFormData).toList()));
    }
}
