package dev.fapiaoflow.buyer;

import static dev.fapiaoflow.buyer.TestCustomers.LI;
import static dev.fapiaoflow.buyer.TestCustomers.STAFF;
import static dev.fapiaoflow.buyer.TestCustomers.WANG;
import static dev.fapiaoflow.buyer.TestCustomers.as;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fapiaoflow.support.SpringTestBase;

/** In local mode there is no platform to ask: only the customer's own saved titles are suggested, by name or tax ID. */
class TitleSuggestionsLocalModeTest extends SpringTestBase {

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
    void onlyTheCustomersOwnSavedTitlesAreSuggested() throws Exception {
        titles.save(LI, Buyers.company("杭州爱信诺咨询有限公司"));
        titles.save(WANG, Buyers.company("北京爱信诺科技有限公司"));

        mockMvc.perform(get("/api/buyer-titles/suggestions").param("q", "爱信诺").with(as(LI)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.platformLookup").value(false))
                .andExpect(jsonPath("$.suggestions", hasSize(1)))
                .andExpect(jsonPath("$.suggestions[0].title").value("杭州爱信诺咨询有限公司"));
        mockMvc.perform(get("/api/buyer-titles/suggestions").param("q", Buyers.COMPANY_TAX_ID.substring(0, 6)).with(as(LI)))
                .andExpect(jsonPath("$.suggestions", hasSize(1)));
        mockMvc.perform(get("/api/buyer-titles/companies/ZJHTXX").with(as(LI))).andExpect(status().isNotFound());
    }
}
