package dev.fapiaoflow.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import dev.fapiaoflow.request.RequestForReview;
import dev.fapiaoflow.request.RequestReviewService;
import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.shared.NotFoundException;

/**
 * The finance task list of the app, over the same Camunda tasks Tasklist shows: a user sees the tasks assigned to
 * them and the unassigned tasks of their finance groups, claims, unclaims and completes them. Completing runs
 * as the user (Camunda authentication), so the task listeners' rules (comment required, four eyes) apply.
 */
@Service
public class FinanceTasks {

    private static final List<String> FINANCE_GROUPS = List.of(Groups.FINANCE_REVIEWER, Groups.FINANCE_MANAGER);

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final RequestReviewService requests;
    private final Clock clock;

    FinanceTasks(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
            RequestReviewService requests, Clock clock) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.requests = requests;
        this.clock = clock;
    }

    public List<TaskRow> list(CurrentUser user, TaskFilter filter) {
        Stream<Task> mine = "group".equals(filter.view()) ? Stream.empty()
                : taskService.createTaskQuery().taskAssignee(user.id()).active().list().stream();
        Stream<Task> group = "mine".equals(filter.view()) || groupsOf(user).isEmpty() ? Stream.empty()
                : taskService.createTaskQuery().taskCandidateGroupIn(groupsOf(user)).taskUnassigned().active().list().stream();
        List<Task> tasks = Stream.concat(mine, group)
                .filter(task -> filter.kind() == null || filter.kind().equals(task.getTaskDefinitionKey()))
                .toList();
        Map<String, String> businessKeys = businessKeysOf(tasks);
        Instant now = clock.instant();
        Comparator<TaskRow> order = "created".equals(filter.sort())
                ? Comparator.comparing(TaskRow::created)
                : Comparator.comparing(TaskRow::due, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(TaskRow::created);
        return tasks.stream()
                .map(task -> row(task, requestIdOf(businessKeys.get(task.getProcessInstanceId())), now))
                .filter(row -> filter.minAmount() == null || row.amount() != null && row.amount().compareTo(filter.minAmount()) >= 0)
                .filter(row -> !filter.overdueOnly() || row.overdue())
                .sorted(order)
                .toList();
    }

    /** The task, if this user may work it (assigned to them, or unassigned in one of their groups); else 404. */
    public Task task(String taskId, CurrentUser user) {
        Task task = taskService.createTaskQuery().taskId(taskId).active().singleResult();
        boolean mayWork = task != null && (user.id().equals(task.getAssignee())
                || task.getAssignee() == null && !groupsOf(user).isEmpty()
                        && taskService.createTaskQuery().taskId(taskId).taskCandidateGroupIn(groupsOf(user)).count() > 0);
        if (!mayWork) {
            throw new NotFoundException("task", taskId);
        }
        return task;
    }

    /** The invoice request the task is about; null for a task of no request (the incoming ledger's re-check). */
    public RequestForReview requestOf(Task task) {
        long requestId = requestIdOf(businessKeysOf(List.of(task)).get(task.getProcessInstanceId()));
        return requestId == 0 ? null : requests.forReview(requestId);
    }

    /** A variable the task sees (its own scope's, then its process's). */
    public Object variableOf(Task task, String name) {
        return taskService.getVariable(task.getId(), name);
    }

    /** Throws Camunda's TaskAlreadyClaimedException (or an optimistic-locking one) when someone else was faster. */
    public void claim(String taskId, CurrentUser user) {
        task(taskId, user);
        taskService.claim(taskId, user.id());
    }

    public void unclaim(String taskId, CurrentUser user) {
        Task task = task(taskId, user);
        if (user.id().equals(task.getAssignee())) {
            taskService.setAssignee(taskId, null);
        }
    }

    /** Completes as the user; a refusal by the process (missing comment, four eyes) is thrown and nothing changes. */
    public void complete(String taskId, CurrentUser user, Map<String, Object> variables) {
        Task task = task(taskId, user);
        identityService.setAuthentication(user.id(), List.copyOf(user.groups()));
        try {
            if (task.getAssignee() == null) {
                taskService.claim(taskId, user.id());
            }
            taskService.complete(taskId, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private TaskRow row(Task task, long requestId, Instant now) {
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        if (requestId == 0) {
            return new TaskRow(task.getId(), task.getName(), task.getTaskDefinitionKey(), 0, null, null, null, task.getAssignee(),
                    task.getCreateTime().toInstant(), due, due != null && due.isBefore(now));
        }
        RequestForReview request = requests.forReview(requestId);
        return new TaskRow(task.getId(), task.getName(), task.getTaskDefinitionKey(), requestId, request.customer(),
                request.invoiceType().name(), new BigDecimal(request.totalAmount()), task.getAssignee(),
                task.getCreateTime().toInstant(), due, due != null && due.isBefore(now));
    }

    /** a request's processes carry its id as business key; others (the incoming ledger's re-check) none: 0 */
    private static long requestIdOf(String businessKey) {
        return businessKey != null && businessKey.matches("\\d{1,18}") ? Long.parseLong(businessKey) : 0;
    }

    private Map<String, String> businessKeysOf(List<Task> tasks) {
        Set<String> ids = tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        // not Collectors.toMap: a process of no request (the incoming ledger's re-check) has no business key
        Map<String, String> keys = new HashMap<>();
        runtimeService.createProcessInstanceQuery().processInstanceIds(ids).list()
                .forEach(instance -> keys.putIfAbsent(instance.getId(), instance.getBusinessKey()));
        return keys;
    }

    private static List<String> groupsOf(CurrentUser user) {
        return user.groups().stream().filter(FINANCE_GROUPS::contains).toList();
    }
}
