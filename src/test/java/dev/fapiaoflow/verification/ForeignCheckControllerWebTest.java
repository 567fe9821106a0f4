package dev.fapiaoflow.verification;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
 * How the foreign check's refusals reach the caller: without a provider, a ProblemDetail saying in the caller's
 * language that only our own invoices can be checked; the daily limit as 429 with Retry-After; the provider away as
 * 503. The checks themselves run against the simulator in {@link ForeignInvoiceApiTest}.
 */
@ApiSliceTest(VerificationController.class)
class ForeignCheckControllerWebTest {

    private static final String BODY = """
            {"number":"25110000000000004711","issueDate":"2026-11-03","totalAmount":"1060.00"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    VerificationService verifications;

    @MockitoBean
    DocumentVerificationService documents;

    @MockitoBean
    DocumentUploads uploads;

    @MockitoBean
    ForeignVerificationService foreign;

    private static RequestPostProcessor reviewer() {
        return user("reviewer").authorities(() -> "finance-reviewer");
    }

    @Test
    void withoutAProviderOnlyOurOwnInvoicesCanBeCheckedSaidInChinese() throws Exception {
        given(foreign.check(any(), any(), any(), any(), any(), any(), any(), any())).willThrow(new NoVerificationProvider());

        mvc.perform(post("/api/verifications/foreign").with(reviewer()).contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("https://fapiaoflow.dev/problems/no-verification-provider"))
                .andExpect(jsonPath("$.title").value("仅能查验本系统开具的发票"));
    }

    @Test
    void withoutAProviderOnlyOurOwnInvoicesCanBeCheckedSaidInEnglish() throws Exception {
        given(foreign.check(any(), any(), any(), any(), any(), any(), any(), any())).willThrow(new NoVerificationProvider());

        mvc.perform(post("/api/verifications/foreign?lang=en").with(reviewer()).contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.title").value("Only invoices issued here can be checked"));
    }

    @Test
    void theUsedUpDailyLimitIs429WithRetryAfter() throws Exception {
        given(foreign.check(any(), any(), any(), any(), any(), any(), any(), any()))
                .willThrow(new VerificationRefused(VerificationRefused.Reason.DAILY_LIMIT, 3600, "used up"));

        mvc.perform(post("/api/verifications/foreign").with(reviewer()).contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3600"))
                .andExpect(jsonPath("$.type").value("https://fapiaoflow.dev/problems/daily-check-limit"));
    }

    @Test
    void aProviderThatCannotAnswerIs503() throws Exception {
        given(foreign.check(any(), any(), any(), any(), any(), any(), any(), any()))
                .willThrow(new VerificationRefused(VerificationRefused.Reason.PROVIDER_UNAVAILABLE, 60, "away"));

        mvc.perform(post("/api/verifications/foreign").with(reviewer()).contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("https://fapiaoflow.dev/problems/provider-unavailable"));
    }

    @Test
    void theCallersRateLimitIsSaidInTheCallersLanguage() throws Exception {
        given(foreign.check(any(), any(), any(), any(), any(), any(), any(), any()))
                .willThrow(new VerificationRefused(VerificationRefused.Reason.RATE_LIMITED, 30));

        mvc.perform(post("/api/verifications/foreign?lang=en").with(reviewer()).contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.type").value("https://fapiaoflow.dev/problems/rate-limited"))
                .andExpect(jsonPath("$.title").value("Too many verifications"))
                .andExpect(jsonPath("$.detail").value("Too many verifications, try again in 30 seconds"));
        mvc.perform(post("/api/verifications/foreign").with(reviewer()).contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(jsonPath("$.title").value("查验过于频繁"));
    }
}
