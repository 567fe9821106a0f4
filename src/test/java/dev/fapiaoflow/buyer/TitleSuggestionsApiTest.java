package dev.fapiaoflow.buyer;

import static dev.fapiaoflow.buyer.TestCustomers.LI;
import static dev.fapiaoflow.buyer.TestCustomers.STAFF;
import static dev.fapiaoflow.buyer.TestCustomers.WANG;
import static dev.fapiaoflow.buyer.TestCustomers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;

import dev.fapiaoflow.support.PlatformModeTest;

/**
 * Title auto-completion in platform mode, against the strict simulator's company lookup: saved titles first with every
 * field, then the platform's companies; customers only; a minimum query length; a per-customer rate limit.
 */
class TitleSuggestionsApiTest extends PlatformModeTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BuyerProfileService titles;

    @BeforeEach
    void freshCustomers(@Autowired IdentityService identity) {
        TestCustomers.ensureExist(identity);
        jdbc.update("DELETE FROM buyer_profile WHERE owner IN (?, ?, ?)", LI, WANG, STAFF);
    }

    @Test
    void savedTitlesComeFirstWithEveryFieldThenThePlatformsCompanies() throws Exception {
        long saved = titles.save(LI, Buyers.company("杭州爱信诺咨询有限公司")).id();
        titles.save(LI, Buyers.person("王小明"));

        mockMvc.perform(get("/api/buyer-titles/suggestions").param("q", "爱信诺").with(as(LI)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.query").value("爱信诺"))
                .andExpect(jsonPath("$.platformLookup").value(true))
                .andExpect(jsonPath("$.suggestions", hasSize(2)))
                .andExpect(jsonPath("$.suggestions[0].source").value("SAVED"))
                .andExpect(jsonPath("$.suggestions[0].id").value(saved))
                .andExpect(jsonPath("$.suggestions[0].title").value("杭州爱信诺咨询有限公司"))
                .andExpect(jsonPath("$.suggestions[0].taxId").value(Buyers.COMPANY_TAX_ID))
                .andExpect(jsonPath("$.suggestions[0].bankAccount").value("110912345610801"))
                .andExpect(jsonPath("$.suggestions[1].source").value("PLATFORM"))
                .andExpect(jsonPath("$.suggestions[1].title").value("浙江爱信诺航天信息有限公司"))
                .andExpect(jsonPath("$.suggestions[1].platformCode").value("ZJHTXX"));
    }

    @Test
    void aPlatformCompanysDetailsFillEveryFieldThePlatformKnows() throws Exception {
        mockMvc.perform(get("/api/buyer-titles/companies/ZJHTXX").with(as(LI)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("PLATFORM"))
                .andExpect(jsonPath("$.buyerType").value("ENTERPRISE"))
                .andExpect(jsonPath("$.title").value("浙江爱信诺航天信息有限公司"))
                .andExpect(jsonPath("$.taxId").value("91330000692368905R"))
                .andExpect(jsonPath("$.address").value("杭州市万塘路30号12幢2楼"))
                .andExpect(jsonPath("$.phone").value("0571-85022017"))
                .andExpect(jsonPath("$.bankName").value("杭州工行古荡支行"))
                // the platform shows the account masked: not an account to print
                .andExpect(jsonPath("$.bankAccount").value(nullValue()))
                .andExpect(jsonPath("$.taxpayerKind").value("GENERAL"));
        mockMvc.perform(get("/api/buyer-titles/companies/NONE00").with(as(LI))).andExpect(status().isNotFound());
        mockMvc.perform(get("/api/buyer-titles/companies/ZJ").with(as(LI)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
    }

    @Test
    void onlyCustomersMayAsk() throws Exception {
        mockMvc.perform(get("/api/buyer-titles/suggestions").param("q", "爱信诺").with(as(STAFF)))
                .andExpect(status().isForbidden());
        mockMvc.perform(get("/api/buyer-titles/companies/ZJHTXX").with(as(STAFF))).andExpect(status().isForbidden());
        mockMvc.perform(get("/api/buyer-titles/suggestions").param("q", "爱信诺")).andExpect(status().isUnauthorized());
    }

    @Test
    void aQueryShorterThanTwoCharactersIsRefusedInTheCallersLanguage() throws Exception {
        mockMvc.perform(get("/api/buyer-titles/suggestions").param("q", " 爱 ").with(as(LI)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"))
                .andExpect(jsonPath("$.errors[0].message").value("请至少输入 2 个字"));
        mockMvc.perform(get("/api/buyer-titles/suggestions").param("q", "a").header("Accept-Language", "en").with(as(LI)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Type at least 2 characters"));
    }

    @Test
    void aCustomerAskingTooOftenIsToldToWait() throws Exception {
        // 30 a minute, refilled bit by bit: a quick burst passes 30 and is refused soon after
        int passed = 0;
        MvcResult refused = null;
        while (refused == null && passed < 40) {
            MvcResult result = mockMvc.perform(get("/api/buyer-titles/suggestions").param("q", "航天信息").with(as(WANG)))
                    .andReturn();
            if (result.getResponse().getStatus() == 200) {
                passed++;
            } else {
                refused = result;
            }
        }
        assertThat(passed).isBetween(30, 39);
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(refused.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("查询过于频繁");
        // another customer's budget is their own
        mockMvc.perform(get("/api/buyer-titles/suggestions").param("q", "航天信息").with(as(LI)))
                .andExpect(status().isOk());
    }
}
