package dev.fapiaoflow.audit.internal;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.fapiaoflow.audit.AuditLog;
import dev.fapiaoflow.support.ApiSliceTest;

/**
 * The audit search checks its filter at the door: every malformed parameter is named in one ProblemDetail and the
 * store is not queried; dates are days in Shanghai, {@code to} including the whole day. Only administrators search.
 */
@ApiSliceTest(AuditController.class)
class AuditControllerWebTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditQueries queries;
    @MockitoBean
    AuditStore store;
    @MockitoBean
    AuditLog audit;
    @MockitoBean
    AnchorFile anchors;

    private static RequestPostProcessor admin() {
        return user("admin").authorities(() -> "admin");
    }

    @Test
    void everyMalformedParameterIsNamedAtOnceAndNothingIsSearched() throws Exception {
        mvc.perform(get("/api/audit").with(admin()).param("from", "2026-13-01").param("to", "yesterday")
                        .param("page", "-1").param("size", "501"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("from", "to", "page", "size")));
        verifyNoInteractions(queries);
    }

    @Test
    void aPageThatIsNotANumberIsABadRequestNotAServerError() throws Exception {
        mvc.perform(get("/api/audit").with(admin()).param("page", "first"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(queries);
    }

    @Test
    void daysAreShanghaiDaysAndToIncludesTheWholeDay() throws Exception {
        when(queries.find(any(), anyInt(), anyInt())).thenReturn(List.of());

        mvc.perform(get("/api/audit").with(admin()).param("actor", "  reviewer ").param("from", "2026-11-01")
                        .param("to", "2026-11-30").param("size", "20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray());

        verify(queries).find(new AuditQueries.Filter("reviewer", null, null, null,
                Instant.parse("2026-10-31T16:00:00Z"), Instant.parse("2026-11-30T16:00:00Z")), 0, 20);
    }

    @Test
    void onlyAdministratorsSearchTheTrail() throws Exception {
        mvc.perform(get("/api/audit").with(user("manager").authorities(() -> "finance-manager")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/audit"))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(queries);
    }
}
