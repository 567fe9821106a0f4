package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;

/** The finance page of anomaly flags without a browser: who may open it, its filters, the link, acknowledgement. */
class AnomalyPageTest extends SpringTestBase {

    @Autowired
    ObjectMapper json;

    @Autowired
    AnomalyFlags flags;

    @Test
    void financeSeesTheFlagLinkedToTheInvoiceAndAcknowledgesItWithANote() throws Exception {
        JsonNode invoice = new IssuedInvoices(this::client).forAlice("801.00");
        Checks checks = new Checks(mockMvc, json);
        checks.anonymously(Checks.of(invoice));
        checks.anonymously(Checks.of(invoice));
        long invoiceId = invoice.get("id").asLong();
        AnomalyFlagView flag = flags.list(new AnomalyFilter(null, null, null, null, invoiceId), 0, 10).get(0);

        String page = page("reviewer", "/anomalies?kind=MULTIPLE_VERIFIERS&state=OPEN").getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-flag=\"" + flag.id() + "\"", "href=\"/invoices/" + invoiceId + "/timeline\"",
                invoice.get("number").asText(), "多方查验");
        assertThat(page("reviewer", "/anomalies?kind=MISMATCH_BURST&state=OPEN").getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("data-flag=\"" + flag.id() + "\"");

        MockHttpServletResponse blank = mockMvc.perform(post("/anomalies/{id}/acknowledge", flag.id()).with(httpBasic("manager", "demo"))
                .with(csrf()).param("note", " ").param("back", "state=OPEN")).andReturn().getResponse();
        assertThat(blank.getRedirectedUrl()).isEqualTo("/anomalies?state=OPEN");
        assertThat(flags.list(new AnomalyFilter(null, null, null, true, invoiceId), 0, 10)).hasSize(1);

        MockHttpServletResponse done = mockMvc.perform(post("/anomalies/{id}/acknowledge", flag.id()).with(httpBasic("manager", "demo"))
                .with(csrf()).param("note", "同一员工两次提交，已退回").param("back", "https://evil.example/")).andReturn().getResponse();
        assertThat(done.getRedirectedUrl()).as("only the page's own query goes back").isEqualTo("/anomalies");
        AnomalyFlagView acknowledged = flags.list(new AnomalyFilter(null, null, null, false, invoiceId), 0, 10).get(0);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("manager");
        assertThat(acknowledged.note()).isEqualTo("同一员工两次提交，已退回");
        assertThat(page("reviewer", "/anomalies?state=ACKNOWLEDGED").getContentAsString(StandardCharsets.UTF_8))
                .contains("data-flag=\"" + flag.id() + "\"", "同一员工两次提交，已退回");
    }

    @Test
    void financeHasTheLinkInTheMenuAndOthersAreRefused() throws Exception {
        assertThat(page("reviewer", "/tasks").getContentAsString(StandardCharsets.UTF_8)).contains("href=\"/anomalies\"");
        assertThat(page("service", "/outbox").getContentAsString(StandardCharsets.UTF_8)).doesNotContain("href=\"/anomalies\"");
        for (String user : List.of("alice", "acme", "service")) {
            assertThat(page(user, "/anomalies").getStatus()).as(user).isEqualTo(403);
            assertThat(mockMvc.perform(post("/anomalies/1/acknowledge").with(httpBasic(user, "demo")).with(csrf()).param("note", "x"))
                    .andReturn().getResponse().getStatus()).as(user).isEqualTo(403);
        }
    }

    @Test
    void malformedFiltersAreShownAsErrors() throws Exception {
        MockHttpServletResponse page = page("manager", "/anomalies?from=someday&kind=NOPE");

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("data-field=\"from\"", "data-field=\"kind\"");
    }

    private MockHttpServletResponse page(String user, String path) throws Exception {
        return mockMvc.perform(get(path).with(httpBasic(user, "demo"))).andReturn().getResponse();
    }
}
