package dev.fapiaoflow.periodic;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItems;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.fapiaoflow.support.ApiSliceTest;

/**
 * Opting in to periodic invoicing and starting a run by hand: the commands' fields are checked at the door, so
 * nothing reaches the service (and nothing is stored) unless they are all there and well-formed.
 */
@ApiSliceTest(PeriodicInvoicingController.class)
class PeriodicInvoicingControllerWebTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PeriodicInvoicingService periodic;

    private static RequestPostProcessor customer() {
        return user("carol").authorities(() -> "customer");
    }

    @Test
    void anEmptyOptInNamesFrequencyTitleAndEmail() throws Exception {
        mvc.perform(put("/api/periodic-invoicing").with(customer()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("frequency", "buyerProfileId", "email")));
        verifyNoInteractions(periodic);
    }

    @Test
    void anOptInWithAMalformedAddressNamesOnlyTheEmail() throws Exception {
        mvc.perform(put("/api/periodic-invoicing").with(customer()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"frequency\":\"MONTHLY\",\"buyerProfileId\":12,\"email\":\"not-an-address\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("email")))
                .andExpect(jsonPath("$.errors[0].message").value("不是一个合法的电子邮件地址"));
        verifyNoInteractions(periodic);
    }

    @Test
    void anEnglishCallerReadsTheMessageInEnglish() throws Exception {
        mvc.perform(put("/api/periodic-invoicing").param("lang", "en").with(customer()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"frequency\":\"MONTHLY\",\"buyerProfileId\":12,\"email\":\"not-an-address\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must be a well-formed email address"));
    }

    @Test
    void anUnknownFrequencyIsABadRequestProblem() throws Exception {
        mvc.perform(put("/api/periodic-invoicing").with(customer()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"frequency\":\"WEEKLY\",\"buyerProfileId\":12,\"email\":\"me@example.com\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(periodic);
    }

    @Test
    void aRunWithoutADateIsRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/periodic-invoicing/runs").with(user("owner").authorities(() -> "process-owner"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("runDate")));
        verifyNoInteractions(periodic);
    }

    @Test
    void aCustomerCannotStartARunAndIsRefusedBeforeTheBodyIsChecked() throws Exception {
        mvc.perform(post("/api/periodic-invoicing/runs").with(customer()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(periodic);
    }
}
