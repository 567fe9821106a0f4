package dev.fapiaoflow.issuance.internal;

import org.springframework.stereotype.Component;

import dev.fapiaoflow.platform.PlatformSubmissions;

/** The serials of our platform submissions (invoices, their re-issues), for the platform's result callback. */
@Component
class PlatformSubmissionLookup implements PlatformSubmissions {

    private final PlatformSubmissionRepository submissions;

    PlatformSubmissionLookup(PlatformSubmissionRepository submissions) {
        this.submissions = submissions;
    }

    @Override
    public boolean submitted(String serial) {
        return submissions.existsById(serial);
    }
}
