package dev.fapiaoflow.review;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.fapiaoflow.delivery.DeliveryProcess;
import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.request.RequestForReview;
import dev.fapiaoflow.verification.IncomingRecheckProcess;
import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.shared.Texts;

/** The finance task list pages: list with filters, claim / unclaim, the task with its request and form, complete. */
@Controller
@PreAuthorize("hasAnyAuthority('finance-reviewer', 'finance-manager')")
class FinanceTaskController {

    private final FinanceTasks tasks;
    private final ReviewService review;
    private final FormService formService;
    private final HistoryService historyService;
    private final ObjectMapper json;
    private final IssuanceService issuance;

    FinanceTaskController(FinanceTasks tasks, ReviewService review, FormService formService, HistoryService historyService,
            ObjectMapper json, IssuanceService issuance) {
        this.issuance = issuance;
        this.tasks = tasks;
        this.review = review;
        this.formService = formService;
        this.historyService = historyService;
        this.json = json;
    }

    @GetMapping("/tasks")
    String list(@RequestParam(required = false) String view, @RequestParam(required = false) String kind,
            @RequestParam(required = false) BigDecimal minAmount, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String sort, Model model, Authentication user) {
        TaskFilter filter = new TaskFilter(view, kind, minAmount, overdue, sort);
        model.addAttribute("filter", filter);
        model.addAttribute("tasks", tasks.list(CurrentUser.of(user), filter));
        return page(model, user, "review/tasks");
    }

    @dev.fapiaoflow.audit.AuditedRead(objectType = "task")
    @GetMapping("/tasks/{id}")
    String one(@PathVariable String id, Model model, Authentication user) throws IOException {
        Task task = tasks.task(id, CurrentUser.of(user));
        model.addAttribute("task", task);
        RequestForReview request = tasks.requestOf(task);
        model.addAttribute("request", request);
        // the paper task: what to print and where to send it, on the page that completes it
        model.addAttribute("printables", request != null && DeliveryProcess.Elements.POST_PAPER_INVOICE.equals(task.getTaskDefinitionKey())
                ? issuance.invoicesOfRequest(request.id()) : List.of());
        model.addAttribute("riskHints", request != null && isReview(task) ? review.review(request.id()).riskHints() : List.of());
        if (IncomingRecheckProcess.Elements.REVIEW_STATUS_CHANGE.equals(task.getTaskDefinitionKey())) {
            // the ledger entry whose status changed: the page links to it (status history, file, raw answer)
            model.addAttribute("incomingInvoiceId", tasks.variableOf(task, IncomingRecheckProcess.Vars.INVOICE_ID));
        }
        model.addAttribute("fields", fieldsOf(task));
        model.addAttribute("history", historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).orderByHistoricActivityInstanceStartTime().asc().list());
        return page(model, user, "review/task");
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, Authentication user, RedirectAttributes redirect) {
        try {
            tasks.claim(id, CurrentUser.of(user));
        } catch (ProcessEngineException someoneElseWasFaster) {
            redirect.addFlashAttribute("notice", Texts.of("tasks.notice.claimedByOther"));
        }
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(@PathVariable String id, Authentication user) {
        tasks.unclaim(id, CurrentUser.of(user));
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{id}/complete")
    String complete(@PathVariable String id, @RequestParam Map<String, String> form, Authentication user,
            RedirectAttributes redirect) throws IOException {
        Task task = tasks.task(id, CurrentUser.of(user));
        Map<String, Object> variables = new HashMap<>();
        for (TaskFormField field : fieldsOf(task)) {
            String value = form.get(field.key());
            if (value != null && !value.isBlank()) {
                variables.put(field.key(), value.trim());
            }
        }
        try {
            tasks.complete(id, CurrentUser.of(user), variables);
        } catch (ProcessEngineException refused) {
            redirect.addFlashAttribute("error", rootMessage(refused));
            redirect.addFlashAttribute("submitted", form);
            return "redirect:/tasks/" + id;
        }
        redirect.addFlashAttribute("notice", Texts.of("tasks.notice.completed", Texts.of("task.name." + task.getTaskDefinitionKey())));
        return "redirect:/tasks";
    }

    private List<TaskFormField> fieldsOf(Task task) throws IOException {
        try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
            return TaskFormField.of(json.readTree(form));
        }
    }

    private static boolean isReview(Task task) {
        return SpecialVatApprovalProcess.Elements.REVIEW_SPECIAL_VAT.equals(task.getTaskDefinitionKey())
                || SpecialVatApprovalProcess.Elements.SECOND_APPROVAL.equals(task.getTaskDefinitionKey());
    }

    /** the process's own words (a listener's refusal), not the engine's wrapper around them */
    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static String page(Model model, Authentication user, String view) {
        model.addAttribute("user", user.getName());
        model.addAttribute("staff", true);
        return view;
    }
}
