package dev.fapiaoflow.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.order.OrderPush;
import dev.fapiaoflow.order.OrderService;
import dev.fapiaoflow.order.OrderStatus;
import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.SpringTestBase;

/**
 * The asynchronous steps driven one job at a time, to pin down what happens between them: an order refunded after
 * the request was accepted, and an SMTP server that is down. The job executor of the shared context is paused
 * meanwhile rather than switched off by a property: a second context would register a second "default" engine in
 * this JVM, and /engine-rest of the first would then answer from the second one's database.
 */
class InvoiceRequestJobsTest extends SpringTestBase {

    @Autowired
    InvoiceRequestService requests;
    @Autowired
    OrderService orders;
    @Autowired
    ManagementService management;
    @Autowired
    JavaMailSenderImpl mailSender;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;

    @BeforeEach
    void pauseTheJobExecutor() {
        jobExecutor().shutdown();
    }

    @AfterEach
    void resumeTheJobExecutor() {
        jobExecutor().start();
    }

    private JobExecutor jobExecutor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }

    private final CurrentUser alice = new CurrentUser("alice", List.of("customer"));

    @Test
    void orderRefundedAfterAcceptanceEndsTheRequestRejectedWithAReasonAndFreesTheOrder() {
        String orderNo = Orders.newOrderNo();
        OrderPush paid = paidOrder(orderNo, OrderStatus.PAID, null);
        orders.upsert(paid);
        long id = requests.submit("alice", personalRequest(orderNo), null).id();

        orders.upsert(paidOrder(orderNo, OrderStatus.REFUNDED, null));
        runAllJobs(id);

        InvoiceRequestView rejected = requests.find(id, alice);
        assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(rejected.reason()).contains("退款");
        assertThat(rejected.invoices()).isEmpty();
        orders.upsert(paid);
        assertThat(orders.invoiceableOrdersOf("alice")).extracting("orderNo").contains(orderNo);
    }

    @Test
    void smtpOutageDelaysDeliveryAndLosesNothing() {
        String orderNo = Orders.newOrderNo();
        orders.upsert(paidOrder(orderNo, OrderStatus.PAID, null));
        long id = requests.submit("alice", personalRequest(orderNo), null).id();
        int workingPort = mailSender.getPort();
        mailSender.setPort(1); // nothing listens there
        try {
            runAllJobs(id);
            assertThat(requests.find(id, alice).status()).isEqualTo(RequestStatus.ISSUED);
            Job mailJob = management.createJobQuery().processDefinitionKey("invoice-delivery").list().stream()
                    .filter(job -> instancesOf(id).contains(job.getProcessInstanceId())).findFirst().orElseThrow();
            assertThat(mailJob.getRetries()).as("one attempt used, more to come").isGreaterThan(0);
            assertThat(mailJob.getExceptionMessage()).contains("not accepted").doesNotContain("@example.com");
        } finally {
            mailSender.setPort(workingPort);
        }
        runAllJobs(id);
        assertThat(requests.find(id, alice).status()).isEqualTo(RequestStatus.DELIVERED);
        assertThat(requests.find(id, alice).invoices()).allSatisfy(i -> assertThat(i.status().name()).isEqualTo("DELIVERED"));
    }

    @Test
    void requestIsRefusedBeforeAnythingIsStoredWhenAnOrderIsUnknown() {
        assertThatThrownBy(() -> requests.submit("alice", personalRequest("NO-SUCH-ORDER"), null))
                .hasMessageContaining("订单不存在");
        assertThat(requests.requestsOf("alice")).noneMatch(r -> r.orderNos().contains("NO-SUCH-ORDER"));
    }

    /** Executes the request's jobs until none is left; failures count as attempts, as with the job executor. */
    private void runAllJobs(long requestId) {
        for (int round = 0; round < 20; round++) {
            List<String> instances = instancesOf(requestId);
            List<Job> jobs = management.createJobQuery().withRetriesLeft().list().stream()
                    .filter(job -> instances.contains(job.getProcessInstanceId())).toList();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failedAttempt) {
                    return; // leave the retry for the caller to observe
                }
            }
        }
    }

    /** the request's process and the processes it called: they share the request id as business key */
    private List<String> instancesOf(long requestId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(requestId)).list().stream()
                .map(ProcessInstance::getId).toList();
    }

    private static OrderPush paidOrder(String orderNo, OrderStatus status, java.math.BigDecimal refunded) {
        return new OrderPush(orderNo, "alice", java.time.OffsetDateTime.parse("2026-11-02T10:15:00+08:00"),
                List.of(new OrderPush.Item("PY-101", "Python 入门课", "TRAINING", java.math.BigDecimal.ONE,
                        new java.math.BigDecimal("1999.00"))),
                new java.math.BigDecimal("1999.00"), status, refunded);
    }

    private static InvoiceRequestCommand personalRequest(String orderNo) {
        return new InvoiceRequestCommand(List.of(orderNo), InvoiceType.NORMAL, null,
                new BuyerDetails(BuyerType.PERSONAL, "爱丽丝", null, null, null, null, null, null, null), false,
                "alice@example.com", Delivery.EMAIL, null);
    }
}
