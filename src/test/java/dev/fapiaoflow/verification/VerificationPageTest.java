package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.fapiaoflow.support.SpringTestBase;

/** The pages without a browser: who may open them, and what the history page lists. */
class VerificationPageTest extends SpringTestBase {

    @Test
    void checkPageOpensWithoutLogin() throws Exception {
        MockHttpServletResponse page = mockMvc.perform(get("/verify")).andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("发票查验", "name=\"number\"", "name=\"totalAmount\"");
    }

    @Test
    void historyPageSendsAnonymousVisitorsToTheLogin() throws Exception {
        MockHttpServletResponse page = mockMvc.perform(get("/verifications/history").accept(MediaType.TEXT_HTML)).andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(302);
        assertThat(page.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void historyPageListsTheUsersOwnChecks() throws Exception {
        // a well-formed number of a year (2099) we have not issued in
        String number = "9911" + String.format("%016d", ThreadLocalRandom.current().nextLong(10_000_000_000_000_000L));
        mockMvc.perform(post("/verify").with(httpBasic("service", "demo")).with(csrf())
                .param("number", number).param("issueDate", "2026-11-03").param("totalAmount", "1.00"));

        String own = mockMvc.perform(get("/verifications/history").with(httpBasic("service", "demo")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String others = mockMvc.perform(get("/verifications/history").with(httpBasic("owner", "demo")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(own).contains("data-number=\"" + number + "\"", "查无此票");
        assertThat(others).doesNotContain(number);
    }
}
