package dev.fapiaoflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.fapiaoflow.buyer.BuyerProfileService;
import dev.fapiaoflow.buyer.BuyerProfileView;
import dev.fapiaoflow.buyer.TaxpayerKind;
import dev.fapiaoflow.request.Delivery;
import dev.fapiaoflow.request.InvoiceRequestService;
import dev.fapiaoflow.request.InvoiceRequestView;
import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.support.Waiting;

/** The customer's pages without a browser: titles with every field, the orders page's paging, special paper requests. */
class CustomerJourneyPageTest extends SpringTestBase {

    private static final String COMPANY = "上海某某贸易有限公司";
    private static final String TAX_ID = "91110108351303601C";

    @Autowired
    IdentityService identity;

    @Autowired
    BuyerProfileService titles;

    @Autowired
    InvoiceRequestService requests;

    private String customer;

    @BeforeEach
    void aCustomerOfThisTestsOwn() {
        customer = "journey" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        User user = identity.newUser(customer);
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(customer, Groups.CUSTOMER);
    }

    @Test
    void aTitleIsSavedWithEveryFieldEditedAndMadeTheDefaultTheApplyFormStartsWith() throws Exception {
        assertThat(send(companyTitle(post("/titles"), "taxpayerKind", "SMALL_SCALE")).getRedirectedUrl()).isEqualTo("/titles");
        send(post("/titles").param("buyerType", "PERSONAL").param("title", "王小明"));
        BuyerProfileView company = titleNamed(COMPANY);
        assertThat(company.bankAccount()).isEqualTo("11001234567890123456");

        String editing = html(get("/titles").param("edit", String.valueOf(company.id())));
        assertThat(editing).contains("修改抬头", "name=\"id\" value=\"" + company.id() + "\"", "中国建设银行北京海淀支行");
        send(companyTitle(post("/titles"), "id", String.valueOf(company.id()), "taxpayerKind", "GENERAL",
                "bankName", "招商银行北京分行"));
        assertThat(titleNamed(COMPANY)).satisfies(t -> assertThat(t.taxpayerKind()).isEqualTo(TaxpayerKind.GENERAL))
                .satisfies(t -> assertThat(t.bankName()).isEqualTo("招商银行北京分行"));
        assertThat(titles.list(customer)).as("changed, not added").hasSize(2);

        assertThat(html(get("/orders"))).as("no default yet: an empty form").contains("id=\"title\" value=\"\"");
        send(post("/titles/" + company.id() + "/default"));
        assertThat(titles.list(customer).get(0).defaultTitle()).isTrue();
        assertThat(html(get("/titles"))).contains("default-mark");
        assertThat(html(get("/orders"))).contains("id=\"title\" value=\"" + COMPANY + "\"", "id=\"bankAccount\" value=\"11001234567890123456\"");
    }

    @Test
    void aTitleWithoutItsTaxpayerKindIsFixedOnTheApplyFormAndAPaperInvoiceGetsItsAddress() throws Exception {
        send(companyTitle(post("/titles")));
        BuyerProfileView saved = titleNamed(COMPANY);
        String orderNo = pushOrder("1200.00");

        MockHttpServletResponse refused = send(applySpecial(orderNo, saved.id()));
        String page = refused.getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(page).as("the rule and the field that fixes it").contains("仅增值税一般纳税人", "id=\"taxpayerKind\"",
                "data-field=\"recipient\"", "data-field=\"postalAddress\"");
        assertThat(requests.requestsOf(customer)).isEmpty();

        MockHttpServletResponse applied = send(applySpecial(orderNo, saved.id(), "taxpayerKind", "GENERAL",
                "saveBuyerProfile", "true", "recipient", "财务部 王会计", "recipientPhone", "13800000000",
                "postalAddress", "上海市浦东新区世纪大道100号"));
        assertThat(applied.getRedirectedUrl()).isEqualTo("/invoices");
        InvoiceRequestView request = requests.requestsOf(customer).get(0);
        assertThat(request.delivery()).isEqualTo(Delivery.POST);
        assertThat(titleNamed(COMPANY).taxpayerKind()).as("the fix is kept in the title").isEqualTo(TaxpayerKind.GENERAL);
        assertThat(titles.list(customer)).hasSize(1);
    }

    @Test
    void theOrdersPageListsInvoiceableOrdersTwentyAtATimeFindsByNumberAndKeepsPicksAcrossPages() throws Exception {
        List<String> orderNos = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            orderNos.add(pushOrder("10.00"));
        }
        client(customer).post().uri("/api/invoice-requests").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("orderNos", List.of(orderNos.get(0)), "invoiceType", "NORMAL", "email", "x@example.com",
                        "buyer", Map.of("buyerType", "PERSONAL", "title", "王小明")))
                .retrieve().toBodilessEntity();

        String first = html(get("/orders"));
        assertThat(first).contains("找到 21 个订单", "第 1 / 2 页", "id=\"page-next\"", "id=\"apply-bar\"", "id=\"selection-total\"");
        assertThat(rows(first)).isEqualTo(20);
        assertThat(first).as("requested orders are hidden by default").doesNotContain("order-" + orderNos.get(0) + "\"");
        assertThat(rows(html(get("/orders").param("all", "true").param("page", "2")))).isEqualTo(2);

        String found = html(get("/orders").param("q", orderNos.get(5)));
        assertThat(rows(found)).isEqualTo(1);
        String picked = html(get("/orders").param("page", "2").param("orderNos", orderNos.get(3)));
        assertThat(picked).contains("id=\"selected-elsewhere\"", "value=\"" + orderNos.get(3) + "\"");
    }

    @Test
    void theCustomerAnswersAQuestionOfTheReviewOnTheInvoicesPage() throws Exception {
        String orderNo = pushOrder("900.00");
        send(companyTitle(post("/titles"), "taxpayerKind", "GENERAL"));
        send(applySpecial(orderNo, titleNamed(COMPANY).id(), "taxpayerKind", "GENERAL", "delivery", "EMAIL"));
        long id = requests.requestsOf(customer).get(0).id();
        awaitStatus(id, "IN_REVIEW");
        String taskId = Waiting.until("review task", Duration.ofSeconds(10),
                () -> client("reviewer").get().uri("/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey=ReviewSpecialVat", id)
                        .retrieve().body(JsonNode.class), tasks -> tasks.size() == 1).get(0).get("id").asText();
        client("reviewer").post().uri("/engine-rest/task/{id}/complete", taskId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("decision", Map.of("value", "more-info"), "comment", Map.of("value", "请核对开户银行"))))
                .retrieve().toBodilessEntity();
        awaitStatus(id, "NEEDS_INFO");

        String page = html(get("/invoices"));
        assertThat(page).contains("id=\"supplement-" + id + "\"", "请核对开户银行", "审核需要您补充资料", "中国建设银行北京海淀支行");
        MockHttpServletResponse incomplete = send(companyTitle(post("/invoices/" + id + "/supplement"),
                "taxpayerKind", "GENERAL", "bankAccount", ""));
        assertThat(incomplete.getContentAsString(StandardCharsets.UTF_8)).contains("data-field=\"bankAccount\"");
        assertThat(requests.requestsOf(customer).get(0).status().name()).isEqualTo("NEEDS_INFO");

        MockHttpServletResponse answered = send(companyTitle(post("/invoices/" + id + "/supplement"),
                "taxpayerKind", "GENERAL", "bankName", "招商银行北京分行"));
        assertThat(answered.getRedirectedUrl()).isEqualTo("/invoices");
        assertThat(requests.requestsOf(customer).get(0).status().name()).isEqualTo("IN_REVIEW");
        assertThat(html(get("/invoices").param("lang", "en"))).contains("Finance is reviewing").doesNotContain("id=\"supplement-");
    }

    private void awaitStatus(long id, String status) {
        Waiting.until("request " + id + " " + status, Duration.ofSeconds(60), () -> requests.requestsOf(customer).get(0),
                request -> request.status().name().equals(status));
    }

    private MockHttpServletRequestBuilder applySpecial(String orderNo, long titleId, String... changes) {
        List<String> fields = new ArrayList<>(List.of("orderNos", orderNo, "invoiceType", "SPECIAL",
                "buyerProfileId", String.valueOf(titleId), "delivery", "POST"));
        fields.addAll(List.of(changes));
        return companyTitle(post("/orders/apply"), fields.toArray(String[]::new));
    }

    /** the company's title fields as a form sends them, with {@code changes} (name, value, …) set or added */
    private static MockHttpServletRequestBuilder companyTitle(MockHttpServletRequestBuilder request, String... changes) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("buyerType", "ENTERPRISE", "title", COMPANY,
                "taxId", TAX_ID, "address", "上海市浦东新区世纪大道100号", "phone", "021-12345678",
                "bankName", "中国建设银行北京海淀支行", "bankAccount", "11001234567890123456", "email", "ap@example.com"));
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        fields.forEach(request::param);
        return request;
    }

    private BuyerProfileView titleNamed(String title) {
        return titles.list(customer).stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow();
    }

    private String pushOrder(String price) {
        String orderNo = Orders.newOrderNo();
        client("shop").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Orders.paidTrainingOrder(customer, orderNo, price)).retrieve().toBodilessEntity();
        return orderNo;
    }

    private static int rows(String page) {
        return page.split("<tr class=\"[a-z]*\" data-order=").length - 1;
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = send(request);
        assertThat(response.getStatus()).as(() -> contentOf(response)).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String contentOf(MockHttpServletResponse response) {
        try {
            return response.getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mockMvc.perform(request.with(httpBasic(customer, "demo")).with(csrf())).andReturn().getResponse();
    }
}
