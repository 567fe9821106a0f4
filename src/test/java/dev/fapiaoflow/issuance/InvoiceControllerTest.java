package dev.fapiaoflow.issuance;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.fapiaoflow.shared.Groups;

@IssuanceSpringTest
class InvoiceControllerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    IssuanceService issuance;
    @Autowired
    FakeDraftSource drafts;

    long acmeRequest;
    long acmeInvoice;
    String acmeNumber;
    long aliceInvoice;

    @BeforeEach
    void issueOneInvoiceEach() {
        acmeRequest = IssuanceServiceTest.newRequestId();
        drafts.register(Drafts.draft(acmeRequest, "acme", Drafts.acme(), Drafts.pythonCourse(),
                Drafts.line("Java 核心技术", "BOOK", "3", "300.00")));
        acmeInvoice = issuance.issueFor(acmeRequest).get(0);
        acmeNumber = issuance.invoicesOfRequest(acmeRequest).get(0).number();
        long aliceRequest = IssuanceServiceTest.newRequestId();
        drafts.register(Drafts.draft(aliceRequest, "alice", Drafts.alice(), Drafts.pythonCourse()));
        aliceInvoice = issuance.issueFor(aliceRequest).get(0);
    }

    @Test
    void ownerSeesTheInvoiceWithLinesAndAmountsAsStrings() throws Exception {
        mvc.perform(get("/api/invoices/{id}", acmeInvoice).with(customer("acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(acmeNumber))
                .andExpect(jsonPath("$.issueDate").value(org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{2}-\\d{2}")))
                .andExpect(jsonPath("$.kind").value("BLUE"))
                .andExpect(jsonPath("$.type").value("NORMAL"))
                .andExpect(jsonPath("$.status").value("ISSUED"))
                .andExpect(jsonPath("$.buyer.title").value(Drafts.ACME_TITLE))
                .andExpect(jsonPath("$.buyer.taxId").value(Drafts.ACME_TAX_ID))
                .andExpect(jsonPath("$.seller.name").value("北京启明在线教育科技有限公司"))
                .andExpect(jsonPath("$.lines[0].itemName").value("*非学历教育服务*培训费"))
                .andExpect(jsonPath("$.lines[0].taxCode").value("3070201020000000000"))
                .andExpect(jsonPath("$.lines[0].amount").value("1885.85"))
                .andExpect(jsonPath("$.lines[0].taxRate").value("0.06"))
                .andExpect(jsonPath("$.lines[1].itemName").value("*图书*Java 核心技术"))
                .andExpect(jsonPath("$.lines[1].quantity").value("3"))
                .andExpect(jsonPath("$.lines[1].unitPrice").value("91.74333333"))
                .andExpect(jsonPath("$.lines[1].taxAmount").value("24.77"))
                .andExpect(jsonPath("$.netAmount").value("2161.08"))
                .andExpect(jsonPath("$.taxAmount").value("137.92"))
                .andExpect(jsonPath("$.totalAmount").value("2299.00"))
                .andExpect(jsonPath("$.totalInWords").value("贰仟贰佰玖拾玖元整"))
                .andExpect(jsonPath("$.originalInvoiceId").isEmpty());
    }

    @Test
    void someoneElsesInvoiceIsNotFound() throws Exception {
        mvc.perform(get("/api/invoices/{id}", acmeInvoice).with(customer("alice"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/invoices/{id}/pdf", acmeInvoice).with(customer("alice"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/invoices/{id}/history", acmeInvoice).with(customer("alice"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/invoices/{id}", 999_999).with(customer("alice"))).andExpect(status().isNotFound());
    }

    @Test
    void customerListsOnlyOwnInvoicesNewestFirst() throws Exception {
        mvc.perform(get("/api/invoices").with(customer("alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) aliceInvoice)))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) acmeInvoice))))
                .andExpect(jsonPath("$[0].totalAmount").value("1999.00"));
    }

    @Test
    void backOfficeListsEveryonesInvoicesPaged() throws Exception {
        mvc.perform(get("/api/invoices").param("size", "2").with(staff(Groups.FINANCE_REVIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", contains((int) aliceInvoice, (int) acmeInvoice)));
        mvc.perform(get("/api/invoices/{id}", acmeInvoice).with(staff(Groups.FINANCE_MANAGER))).andExpect(status().isOk());
        // customer service reads the invoices of disputes only (ObjectLevelAccessTest); this one has none
        mvc.perform(get("/api/invoices/{id}", acmeInvoice).with(staff(Groups.CUSTOMER_SERVICE))).andExpect(status().isNotFound());
    }

    @Test
    void rejectsOversizedPages() throws Exception {
        mvc.perform(get("/api/invoices").param("size", "1000").with(customer("alice")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void pdfIsServedWithTheNumberAsFileName() throws Exception {
        mvc.perform(get("/api/invoices/{id}/pdf", acmeInvoice).with(customer("acme")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(acmeNumber + ".pdf")));
    }

    @Test
    void historyShowsStatusChangesWithActor() throws Exception {
        issuance.markDelivered(acmeRequest, "reviewer");
        mvc.perform(get("/api/invoices/{id}/history", acmeInvoice).with(customer("acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].status", contains("ISSUED", "DELIVERED")))
                .andExpect(jsonPath("$[*].actor", contains("system", "reviewer")))
                .andExpect(jsonPath("$[0].changedAt").isNotEmpty());
    }

    @Test
    void anonymousCallerMustAuthenticate() throws Exception {
        mvc.perform(get("/api/invoices/{id}", acmeInvoice)).andExpect(status().isUnauthorized());
    }

    private static RequestPostProcessor customer(String id) {
        return user(id).authorities(() -> Groups.CUSTOMER);
    }

    private static RequestPostProcessor staff(String group) {
        return user("staff").authorities(() -> group);
    }
}
