package dev.fapiaoflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.support.AtOnce;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;

/** Finance works special-invoice reviews in the app's own task list, on the same Camunda tasks as Tasklist. */
class FinanceTaskListTest extends SpringTestBase {

    private static final CurrentUser REVIEWER = new CurrentUser("reviewer", List.of("finance-reviewer"));
    private static final CurrentUser MANAGER = new CurrentUser("manager", List.of("finance-manager", "finance-reviewer"));

    @Autowired
    FinanceTasks tasks;
    @Autowired
    TaskService taskService;

    @Test
    void reviewerClaimsTheReviewInTheTaskListAndApprovesItWithTheFormFields() throws Exception {
        String location = requests().specialRequestInReview("2300.00");
        String taskId = reviewTaskOf(location);

        mockMvc.perform(get("/tasks").param("view", "group").param("kind", "ReviewSpecialVat").with(reviewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-task=\"" + taskId + "\"")));
        mockMvc.perform(post("/tasks/{id}/claim", taskId).with(csrf()).with(reviewer())).andExpect(status().is3xxRedirection());
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("reviewer");
        mockMvc.perform(get("/tasks/{id}", taskId).with(reviewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"decision\" value=\"more-info\"")))
                .andExpect(content().string(Matchers.containsString("91110108351303601C")));

        mockMvc.perform(post("/tasks/{id}/complete", taskId).param("decision", "approve").with(csrf()).with(reviewer()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("notice"));

        assertThat(requests().awaitStatus("acme", location, "DELIVERED").get("invoices")).hasSize(1);
    }

    @Test
    void rejectingWithoutACommentIsRefusedAndTheTaskStaysOpen() throws Exception {
        String taskId = reviewTaskOf(requests().specialRequestInReview("2400.00"));

        mockMvc.perform(post("/tasks/{id}/complete", taskId).param("decision", "reject").with(csrf()).with(reviewer()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", Matchers.containsString("comment")));

        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
    }

    @Test
    void twoReviewersClaimingTheSameTaskAtOnceLeaveExactlyOneOwner() throws Exception {
        String taskId = reviewTaskOf(requests().specialRequestInReview("2500.00"));

        List<Boolean> claimed = AtOnce.call(List.of(() -> claims(taskId, REVIEWER), () -> claims(taskId, MANAGER)));

        assertThat(claimed).containsExactlyInAnyOrder(true, false);
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isIn("reviewer", "manager");
    }

    @Test
    void customersAndCustomerServiceHaveNoFinanceTaskList() throws Exception {
        mockMvc.perform(get("/tasks").with(user("acme").authorities(() -> "customer"))).andExpect(status().isForbidden());
        mockMvc.perform(get("/tasks").with(user("service").authorities(() -> "customer-service"))).andExpect(status().isForbidden());
    }

    private boolean claims(String taskId, CurrentUser user) {
        try {
            tasks.claim(taskId, user);
            return true;
        } catch (RuntimeException lost) {
            return false;
        }
    }

    private String reviewTaskOf(String location) {
        String requestId = location.substring(location.lastIndexOf('/') + 1);
        return taskService.createTaskQuery().processInstanceBusinessKey(requestId).taskDefinitionKey("ReviewSpecialVat")
                .singleResult().getId();
    }

    private IssuedInvoices requests() {
        return new IssuedInvoices(this::client);
    }

    private static RequestPostProcessor reviewer() {
        return user("reviewer").authorities(() -> "finance-reviewer");
    }
}
