package dev.fapiaoflow.periodic;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fapiaoflow.periodic.PeriodOutcome.Result;
import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.support.OnMariaDbToo;
import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.support.Waiting;

/**
 * Periodic invoicing through the API and the service the model calls: opting in (validated), and runs that
 * create exactly one merged request per customer and period over the right orders, never a second one.
 * Each test has a customer of its own, so runs over the shared database see only that customer's orders.
 */
class PeriodicInvoicingApiTest extends SpringTestBase {

    @Autowired
    PeriodicInvoicingService periodic;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    private String customer;

    @BeforeEach
    void aCustomerOfThisTestsOwn() {
        customer = "periodic" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        User user = identity.newUser(customer);
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(customer, Groups.CUSTOMER);
    }

    @Test
    void optingInIsValidatedShownAndUndone() {
        assertThat(get().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // missing and malformed fields are refused at the door: PeriodicInvoicingControllerWebTest
        long someoneElsesTitle = client("alice").post().uri("/api/buyer-profiles").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("buyerType", "PERSONAL", "title", "爱丽丝")).retrieve().body(JsonNode.class).get("id").asLong();
        ResponseEntity<JsonNode> foreignTitle = put(Map.of("frequency", "MONTHLY", "buyerProfileId", someoneElsesTitle,
                "email", "me@example.com"));
        assertThat(foreignTitle.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(foreignTitle)).containsExactly("buyerProfileId");

        ResponseEntity<JsonNode> weekly = put(Map.of("frequency", "WEEKLY", "buyerProfileId", saveTitle(), "email", "me@example.com"));
        assertThat(weekly.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get().getStatusCode()).as("nothing half-written").isEqualTo(HttpStatus.NOT_FOUND);

        long title = saveTitle();
        ResponseEntity<JsonNode> monthly = put(Map.of("frequency", "MONTHLY", "buyerProfileId", title, "email", "me@example.com"));
        assertThat(monthly.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(monthly.getBody().get("frequency").asText()).isEqualTo("MONTHLY");
        ResponseEntity<JsonNode> quarterly = put(Map.of("frequency", "QUARTERLY", "buyerProfileId", title, "email", "ap@example.com"));
        assertThat(quarterly.getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode shown = get().getBody();
        assertThat(shown.get("frequency").asText()).isEqualTo("QUARTERLY");
        assertThat(shown.get("buyerProfileId").asLong()).isEqualTo(title);
        assertThat(shown.get("email").asText()).isEqualTo("ap@example.com");
        assertThat(jdbc.queryForObject("SELECT email FROM periodic_subscription WHERE customer = ?", String.class, customer))
                .as("encrypted at rest").doesNotContain("ap@example.com");
        assertThat(periodic.optedInCustomers()).contains(customer);

        assertThat(client(customer).delete().uri("/api/periodic-invoicing").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(client(customer).delete().uri("/api/periodic-invoicing").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(periodic.optedInCustomers()).doesNotContain(customer);
    }

    @Test
    void onlyCustomersOptInAndOnlyProcessOwnersStartARunByHand() {
        assertThat(client("shop").get().uri("/api/periodic-invoicing").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(client(customer).post().uri("/api/periodic-invoicing/runs").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("runDate", "2024-02-01")).retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> noDate = client("owner").post().uri("/api/periodic-invoicing/runs")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of()).retrieve().toEntity(JsonNode.class);
        assertThat(noDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test

    @OnMariaDbToo("the month's bounds in Shanghai time against TIMESTAMP columns")
    void aMonthlyRunMergesThePaidUnclaimedOrdersOfTheLastMonthInShanghaiTimeIntoOneRequest() {
        optIn("MONTHLY");
        String firstMinute = pushOrder("2025-03-01T00:00:00+08:00", "100.00");
        String lastMinute = pushOrder("2025-03-31T23:59:59+08:00", "200.00");
        pushOrder("2025-02-28T23:59:59+08:00", "300.00");
        pushOrder("2025-04-01T00:00:00+08:00", "400.00");
        String refunded = pushOrder("2025-03-10T10:00:00+08:00", "500.00");
        shop(Orders.refunded(paidOrder(refunded, "2025-03-10T10:00:00+08:00", "500.00")));
        String requestedByHand = pushOrder("2025-03-15T10:00:00+08:00", "600.00");
        assertThat(client(customer).post().uri("/api/invoice-requests").contentType(MediaType.APPLICATION_JSON)
                .body(dev.fapiaoflow.support.Requests.personalNormal(List.of(requestedByHand), "测试客户", "me@example.com"))
                .retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        PeriodOutcome outcome = periodic.invoicePeriod(customer, LocalDate.of(2025, 4, 1));

        assertThat(outcome.result()).isEqualTo(Result.REQUESTED);
        assertThat(outcome.period()).isEqualTo("2025-03");
        JsonNode request = request(outcome.requestId());
        assertThat(request.get("orderNos")).extracting(JsonNode::asText).containsExactly(firstMinute, lastMinute);
        assertThat(request.get("invoiceType").asText()).isEqualTo("NORMAL");
        assertThat(new BigDecimal(request.get("totalAmount").asText())).isEqualByComparingTo("300.00");
        assertThat(requestsOfCustomer()).hasSize(2);
    }

    @Test

    @OnMariaDbToo("the run record's primary key")
    void runningTwiceForTheSamePeriodCreatesNothingNew() {
        optIn("MONTHLY");
        pushOrder("2025-05-20T10:00:00+08:00", "100.00");

        PeriodOutcome first = periodic.invoicePeriod(customer, LocalDate.of(2025, 6, 1));
        pushOrder("2025-05-21T10:00:00+08:00", "50.00");
        PeriodOutcome second = periodic.invoicePeriod(customer, LocalDate.of(2025, 6, 30));

        assertThat(first.result()).isEqualTo(Result.REQUESTED);
        assertThat(second.result()).isEqualTo(Result.ALREADY_INVOICED);
        assertThat(second.period()).isEqualTo("2025-05");
        assertThat(requestsOfCustomer()).hasSize(1);
    }

    @Test
    void aCustomerWithNothingDueGetsNoRequestUntilSomethingIsDue() {
        optIn("QUARTERLY");
        pushOrder("2025-10-01T00:00:00+08:00", "80.00");

        PeriodOutcome nothing = periodic.invoicePeriod(customer, LocalDate.of(2025, 10, 1));
        assertThat(nothing.result()).isEqualTo(Result.NOTHING_DUE);
        assertThat(nothing.period()).isEqualTo("2025-Q3");
        assertThat(requestsOfCustomer()).isEmpty();

        String late = pushOrder("2025-09-30T23:00:00+08:00", "90.00");
        PeriodOutcome later = periodic.invoicePeriod(customer, LocalDate.of(2025, 11, 1));
        assertThat(later.result()).isEqualTo(Result.REQUESTED);
        assertThat(request(later.requestId()).get("orderNos")).extracting(JsonNode::asText).containsExactly(late);
    }

    @Test
    void aDeletedTitleOrAnOptOutIsSkippedWithoutARequest() {
        long title = optIn("MONTHLY");
        pushOrder("2025-08-05T10:00:00+08:00", "100.00");
        client(customer).delete().uri("/api/buyer-profiles/{id}", title).retrieve().toBodilessEntity();

        assertThat(periodic.invoicePeriod(customer, LocalDate.of(2025, 9, 1)).result()).isEqualTo(Result.TITLE_MISSING);
        periodic.unsubscribe(customer);
        assertThat(periodic.invoicePeriod(customer, LocalDate.of(2025, 9, 1)).result()).isEqualTo(Result.NOT_SUBSCRIBED);
        assertThat(requestsOfCustomer()).isEmpty();
    }

    @Test

    @OnMariaDbToo("the run record and the order claims under InnoDB's locking")
    void twoRunsAtTheSameMomentCreateOneRequest() throws Exception {
        optIn("MONTHLY");
        pushOrder("2025-01-10T10:00:00+08:00", "100.00");
        pushOrder("2025-01-11T10:00:00+08:00", "200.00");
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Object> run = () -> {
            together.await();
            try {
                return periodic.invoicePeriod(customer, LocalDate.of(2025, 2, 1)).result();
            } catch (RuntimeException lostTheRace) {
                return lostTheRace;
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Object> results = new ArrayList<>();
        try {
            List<Future<Object>> futures = List.of(pool.submit(run), pool.submit(run));
            for (Future<Object> future : futures) {
                results.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results).filteredOn(Result.REQUESTED::equals).hasSize(1);
        assertThat(results).filteredOn(result -> !Result.REQUESTED.equals(result))
                .allSatisfy(other -> assertThat(other).isInstanceOfAny(Result.class, RuntimeException.class)
                        .isNotEqualTo(Result.NOTHING_DUE));
        assertThat(requestsOfCustomer()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM periodic_invoice_run WHERE customer = ?", Integer.class, customer))
                .isEqualTo(1);
    }

    @Test
    void aRunOfTheModelOverTheLimitIsIssuedAsSeveralInvoicesOfWholeLines() {
        optIn("MONTHLY");
        pushOrder("2024-01-05T10:00:00+08:00", "60000.00");
        pushOrder("2024-01-06T10:00:00+08:00", "50000.00");
        pushOrder("2024-01-07T10:00:00+08:00", "30000.00");

        ResponseEntity<JsonNode> started = client("owner").post().uri("/api/periodic-invoicing/runs")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("runDate", "2024-02-01")).retrieve().toEntity(JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        JsonNode request = awaitOnlyRequestIn("ISSUED", "DELIVERED");
        assertThat(request.get("orderNos")).hasSize(3);
        List<BigDecimal> totals = new ArrayList<>();
        request.get("invoices").forEach(invoice -> totals.add(new BigDecimal(invoice.get("totalAmount").asText())));
        // first fit in line order: 60,000 + 30,000 on the first invoice, 50,000 did not fit beside the 60,000
        assertThat(totals).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("90000.00"), new BigDecimal("50000.00"));
    }

    private long optIn(String frequency) {
        long title = saveTitle();
        assertThat(put(Map.of("frequency", frequency, "buyerProfileId", title, "email", customer + "@example.com"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        return title;
    }

    private long saveTitle() {
        return client(customer).post().uri("/api/buyer-profiles").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("buyerType", "PERSONAL", "title", "测试客户")).retrieve().body(JsonNode.class).get("id").asLong();
    }

    private ResponseEntity<JsonNode> put(Map<String, Object> body) {
        return client(customer).put().uri("/api/periodic-invoicing").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> get() {
        return client(customer).get().uri("/api/periodic-invoicing").retrieve().toEntity(JsonNode.class);
    }

    private static List<String> fields(ResponseEntity<JsonNode> problem) {
        List<String> fields = new ArrayList<>();
        problem.getBody().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private String pushOrder(String paidAt, String price) {
        String orderNo = Orders.newOrderNo();
        assertThat(shop(paidOrder(orderNo, paidAt, price)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return orderNo;
    }

    private Map<String, Object> paidOrder(String orderNo, String paidAt, String price) {
        Map<String, Object> order = new HashMap<>(Orders.paidTrainingOrder(customer, orderNo, price));
        order.put("paidAt", paidAt);
        return order;
    }

    private ResponseEntity<JsonNode> shop(Map<String, Object> order) {
        return client("shop").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).body(order).retrieve()
                .toEntity(JsonNode.class);
    }

    private JsonNode request(long id) {
        return client(customer).get().uri("/api/invoice-requests/{id}", id).retrieve().body(JsonNode.class);
    }

    private List<JsonNode> requestsOfCustomer() {
        List<JsonNode> requests = new ArrayList<>();
        client(customer).get().uri("/api/invoice-requests").retrieve().body(JsonNode.class).forEach(requests::add);
        return requests;
    }

    private JsonNode awaitOnlyRequestIn(String... statuses) {
        return Waiting.until("one request in " + List.of(statuses), Duration.ofSeconds(20), this::requestsOfCustomer,
                requests -> requests.size() == 1 && List.of(statuses).contains(requests.get(0).get("status").asText()))
                .get(0);
    }
}
