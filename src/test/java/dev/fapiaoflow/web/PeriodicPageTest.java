package dev.fapiaoflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
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

import dev.fapiaoflow.periodic.Frequency;
import dev.fapiaoflow.periodic.PeriodicInvoicingService;
import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.support.SpringTestBase;

/** The portal's periodic invoicing page without a browser: opt in, see it, change it, opt out; in both languages. */
class PeriodicPageTest extends SpringTestBase {

    @Autowired
    IdentityService identity;

    @Autowired
    PeriodicInvoicingService periodic;

    private String customer;

    @BeforeEach
    void aCustomerOfThisTestsOwn() {
        customer = "periodicpage" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        User user = identity.newUser(customer);
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(customer, Groups.CUSTOMER);
    }

    @Test
    void withoutATitleThePageAsksForOneFirst() throws Exception {
        String page = html(get("/periodic"));

        assertThat(page).contains("定期开票", "id=\"not-subscribed\"", "id=\"no-titles\"").doesNotContain("id=\"periodic-form\"");
    }

    @Test
    void aCustomerOptsInChangesAndOptsOut() throws Exception {
        long title = saveTitle("王小明");
        assertThat(html(get("/periodic"))).contains("id=\"periodic-form\"", "王小明", "按月", "按季度");

        MockHttpServletResponse saved = send(post("/periodic").param("frequency", "QUARTERLY")
                .param("buyerProfileId", String.valueOf(title)).param("email", "wang@example.com"));
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/periodic");
        assertThat(periodic.subscriptionOf(customer)).get()
                .satisfies(s -> assertThat(s.frequency()).isEqualTo(Frequency.QUARTERLY))
                .satisfies(s -> assertThat(s.buyerProfileId()).isEqualTo(title));

        String shown = html(get("/periodic"));
        assertThat(shown).contains("id=\"subscription\"", "已订阅：按季度，发票发送至 wang@example.com", "修改订阅");
        assertThat(html(get("/periodic").param("lang", "en")))
                .contains("Subscribed: Quarterly, invoices go to wang@example.com", "Unsubscribe");

        assertThat(send(post("/periodic/cancel")).getStatus()).isEqualTo(302);
        assertThat(periodic.subscriptionOf(customer)).isEmpty();
        assertThat(send(post("/periodic/cancel")).getStatus()).as("a second click changes nothing").isEqualTo(302);
    }

    @Test
    void aBadFormIsShownAgainWithItsErrorsAndNothingSaved() throws Exception {
        saveTitle("王小明");

        MockHttpServletResponse refused = send(post("/periodic").param("buyerProfileId", "999999999").param("email", "nope"));

        String page = refused.getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(page).contains("data-field=\"frequency\"", "data-field=\"email\"");
        MockHttpServletResponse foreignTitle = send(post("/periodic").param("frequency", "MONTHLY")
                .param("buyerProfileId", "999999999").param("email", "wang@example.com"));
        assertThat(foreignTitle.getContentAsString(StandardCharsets.UTF_8)).contains("data-field=\"buyerProfileId\"", "发票抬头不存在");
        assertThat(periodic.subscriptionOf(customer)).isEmpty();
    }

    @Test
    void staffHaveNoPeriodicPage() throws Exception {
        assertThat(mockMvc.perform(get("/periodic").with(httpBasic("reviewer", "demo"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    private long saveTitle(String title) {
        return client(customer).post().uri("/api/buyer-profiles").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("buyerType", "PERSONAL", "title", title)).retrieve().body(JsonNode.class).get("id").asLong();
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = send(request);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mockMvc.perform(request.with(httpBasic(customer, "demo")).with(csrf())).andReturn().getResponse();
    }
}
