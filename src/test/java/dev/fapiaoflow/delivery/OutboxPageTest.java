package dev.fapiaoflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.order.OrderPush;
import dev.fapiaoflow.order.OrderService;
import dev.fapiaoflow.order.OrderStatus;
import dev.fapiaoflow.request.Delivery;
import dev.fapiaoflow.request.InvoiceRequestCommand;
import dev.fapiaoflow.request.InvoiceRequestService;
import dev.fapiaoflow.request.RequestStatus;
import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.support.TestMailServer;

/** A mail held while no mail server was configured is visible in the outbox and sent from there later. */
// jobs by hand: the shared context's job executor is paused, not switched off by a property (a second context's
// engine would take over /engine-rest for the tests that follow)
class OutboxPageTest extends SpringTestBase {

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @org.junit.jupiter.api.BeforeEach
    void pauseTheJobExecutor() {
        jobExecutor().shutdown();
    }

    @org.junit.jupiter.api.AfterEach
    void resumeTheJobExecutor() {
        jobExecutor().start();
    }

    private org.camunda.bpm.engine.impl.jobexecutor.JobExecutor jobExecutor() {
        return ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor();
    }

    @Autowired
    OrderService orders;
    @Autowired
    InvoiceRequestService requests;
    @Autowired
    IssuanceService issuance;
    @Autowired
    OutboxWriter outbox;
    @Autowired
    InvoiceMailComposer composer;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @Test
    void heldMailIsListedAndAnAdministratorSendsItOnceAServerIsThere() throws Exception {
        String orderNo = Orders.newOrderNo();
        String recipient = "held-" + orderNo.toLowerCase() + "@example.com";
        orders.upsert(new OrderPush(orderNo, "alice", OffsetDateTime.parse("2026-11-02T10:15:00+08:00"),
                List.of(new OrderPush.Item("PY-101", "Python 入门课", "TRAINING", BigDecimal.ONE, new BigDecimal("10.00"))),
                new BigDecimal("10.00"), OrderStatus.PAID, null));
        long requestId = requests.submit("alice", new InvoiceRequestCommand(List.of(orderNo), InvoiceType.NORMAL, null,
                new BuyerDetails(BuyerType.PERSONAL, "爱丽丝", null, null, null, null, null, null, null), false, recipient,
                Delivery.EMAIL, null), null).id();
        String processInstanceId = runUntilDeliveryIsDue(requestId);
        OutboxMail held = outbox.prepare(requestId,
                composer.invoiceIssued(requests.deliveryTarget(requestId), issuance.invoicesOfRequest(requestId), true));
        outbox.hold(held.id());

        mockMvc.perform(get("/outbox").with(user("admin").authorities(() -> "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/outbox/" + held.id() + "/send")));
        mockMvc.perform(get("/outbox").with(user("alice").authorities(() -> "customer"))).andExpect(status().isForbidden());

        mockMvc.perform(post("/outbox/{id}/send", held.id()).with(csrf()).with(user("admin").authorities(() -> "admin")))
                .andExpect(status().is3xxRedirection());

        CurrentUser alice = new CurrentUser("alice", List.of("customer"));
        assertThat(requests.find(requestId, alice).status()).isEqualTo(RequestStatus.DELIVERED);
        assertThat(List.of(TestMailServer.get().getReceivedMessages()))
                .anyMatch(message -> recipientsOf(message).contains(recipient));
        runtime.deleteProcessInstance(processInstanceId, "test done: the held mail was sent from the outbox");
    }

    /** Runs validation and issuance; leaves the mail job of the delivery process waiting. */
    private String runUntilDeliveryIsDue(long requestId) {
        String root = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(requestId))
                .processDefinitionKey("invoice-request").singleResult().getId();
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = jobsOf(requestId).stream().filter(job -> !"invoice-delivery".equals(job.getProcessDefinitionKey()))
                    .toList();
            if (jobs.isEmpty()) {
                break;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        assertThat(jobsOf(requestId)).filteredOn(job -> "invoice-delivery".equals(job.getProcessDefinitionKey())).hasSize(1);
        return root;
    }

    /** jobs of the request's process and the processes it called (they share the request id as business key) */
    private List<Job> jobsOf(long requestId) {
        List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(requestId))
                .list().stream().map(instance -> instance.getId()).toList();
        return management.createJobQuery().list().stream().filter(job -> instances.contains(job.getProcessInstanceId())).toList();
    }

    private static String recipientsOf(MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
