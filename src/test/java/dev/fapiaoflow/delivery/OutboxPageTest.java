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
import org.springframework.test.context.TestPropertySource;

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
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class OutboxPageTest extends SpringTestBase {

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
                composer.invoiceIssued(requests.deliveryTarget(requestId), issuance.invoicesOfRequest(requestId)));
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
            List<Job> jobs = management.createJobQuery().processInstanceId(root).list();
            jobs = jobs.isEmpty() ? management.createJobQuery().processDefinitionKey("invoice-issuance").list() : jobs;
            if (jobs.isEmpty()) {
                break;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        assertThat(management.createJobQuery().processDefinitionKey("invoice-delivery").count()).isOne();
        return root;
    }

    private static String recipientsOf(MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
