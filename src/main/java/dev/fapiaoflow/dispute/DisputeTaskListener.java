package dev.fapiaoflow.dispute;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * On completing a dispute task: refuses a value of {@code variable} the task does not offer, and a value that needs
 * a comment without one (the forms say so too, but Camunda REST and Tasklist's generic form do not run them), so the
 * task stays open; records who decided.
 */
public class DisputeTaskListener implements TaskListener {

    /** the variable the form sets: action or decision */
    private Expression variable;
    /** comma-separated values the task offers */
    private Expression allowed;
    /** comma-separated values that need a comment */
    private Expression needComment;

    public void setVariable(Expression variable) {
        this.variable = variable;
    }

    public void setAllowed(Expression allowed) {
        this.allowed = allowed;
    }

    public void setNeedComment(Expression needComment) {
        this.needComment = needComment;
    }

    @Override
    public void notify(DelegateTask task) {
        String name = String.valueOf(variable.getValue(task));
        List<String> offered = Arrays.asList(String.valueOf(allowed.getValue(task)).split(","));
        Object value = task.getVariable(name);
        if (!offered.contains(String.valueOf(value))) {
            throw new DisputeStepRefused(name + " must be one of " + offered + ", was " + value);
        }
        List<String> commented = needComment == null ? List.of()
                : Arrays.asList(String.valueOf(needComment.getValue(task)).split(","));
        Object comment = task.getVariable(DisputeProcess.Vars.COMMENT);
        if (commented.contains(String.valueOf(value)) && (comment == null || comment.toString().isBlank())) {
            throw new DisputeStepRefused(DisputeProcess.Vars.COMMENT + " is required for " + value);
        }
        task.getExecution().setVariable(DisputeVariables.DECIDED_BY, DisputeVariables.currentUser(task));
    }
}
