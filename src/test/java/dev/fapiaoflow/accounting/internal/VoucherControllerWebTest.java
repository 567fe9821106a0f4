package dev.fapiaoflow.accounting.internal;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.fapiaoflow.accounting.DailyVouchers;
import dev.fapiaoflow.accounting.VoucherFeed;
import dev.fapiaoflow.support.ApiSliceTest;

/**
 * The voucher feed names the day it is asked for and the export's format at the door: a missing or malformed day
 * or an unknown format is a 400 naming the field, and the ledger is not read. Only finance managers and admins.
 */
@ApiSliceTest(VoucherController.class)
class VoucherControllerWebTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    VoucherFeed feed;

    private static RequestPostProcessor manager() {
        return user("manager").authorities(() -> "finance-manager");
    }

    private static DailyVouchers nothingOn(LocalDate day) {
        return new DailyVouchers(day, List.of(), BigDecimal.ZERO, BigDecimal.ZERO, true);
    }

    @Test
    void aMissingOrMalformedDayIsNamedAndTheLedgerIsNotRead() throws Exception {
        for (String date : new String[] {"", "2026-02-30", "03.12.2026"}) {
            mvc.perform(get("/api/accounting/vouchers").param("date", date).with(manager()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("date")));
        }
        mvc.perform(get("/api/accounting/vouchers").with(manager()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("date")));
        verifyNoInteractions(feed);
    }

    @Test
    void anUnknownExportFormatIsNamed() throws Exception {
        when(feed.vouchersOn(DAY)).thenReturn(nothingOn(DAY));

        mvc.perform(get("/api/accounting/vouchers/export").param("date", "2026-12-01").param("format", "pdf").with(manager()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("format")));
    }

    @Test
    void theCsvExportIsADownloadNamedAfterTheDay() throws Exception {
        when(feed.vouchersOn(DAY)).thenReturn(nothingOn(DAY));

        mvc.perform(get("/api/accounting/vouchers/export").param("date", "2026-12-01").with(manager()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", containsString("vouchers-2026-12-01.csv")));
    }

    @Test
    void reviewersAndCustomersDoNotReadTheFeed() throws Exception {
        mvc.perform(get("/api/accounting/vouchers").param("date", "2026-12-01")
                        .with(user("reviewer").authorities(() -> "finance-reviewer")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/accounting/vouchers").param("date", "2026-12-01").with(user("alice").authorities(() -> "customer")))
                .andExpect(status().isForbidden());
        verifyNoInteractions(feed);
    }
}
