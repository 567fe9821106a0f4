package dev.fapiaoflow.issuance.internal;

import org.springframework.stereotype.Component;

import dev.fapiaoflow.platform.PlatformSubmissions;

/**
 * The serials of our platform submissions (invoices, their re-issues, and the red-letter invoices the platform issues
 * for them after a confirmation), for the platform's result callback.
 */
@Component
class PlatformSubmissionLookup implements PlatformSubmissions {

    private final PlatformSubmissionRepository submissions;

    PlatformSubmissionLookup(PlatformSubmissionRepository submissions) {
        this.submissions = submissions;
    }

    /** a red-letter serial {@code FFR<invoiceId>N<n>} counts as ours when the platform issued the invoice it reverses */
    private static final java.util.regex.Pattern RED_SERIAL = java.util.regex.Pattern.compile("FFR(\\d{1,18})N\\d{1,3}");

    @Override
    public boolean submitted(String serial) {
        if (submissions.existsById(serial)) {
            return true;
        }
        java.util.regex.Matcher red = RED_SERIAL.matcher(serial);
        return red.matches() && submissions.existsByInvoiceId(Long.parseLong(red.group(1)));
    }
}
