package dev.fapiaoflow.platform.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link PlatformAccountMissing} into Spring Boot's start-up report: what is missing and how to set it. */
class PlatformAccountFailureAnalyzer extends AbstractFailureAnalyzer<PlatformAccountMissing> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PlatformAccountMissing cause) {
        String description = "Issuing through the e-invoice platform (fapiaoflow.seller.issuing=platform) needs the "
                + "school's own platform account, and there is none:\n  - " + String.join("\n  - ", cause.problems());
        String action = "Set fapiaoflow.platform.app-key, fapiaoflow.platform.app-secret and fapiaoflow.platform.base-url "
                + "(environment FAPIAOFLOW_PLATFORM_APP_KEY, FAPIAOFLOW_PLATFORM_APP_SECRET, FAPIAOFLOW_PLATFORM_BASE_URL) "
                + "to the account the platform gave the school, from a secret store; or issue locally "
                + "(fapiaoflow.seller.issuing=local); or try the built-in simulator with the profile platform-sim.";
        return new FailureAnalysis(description, action, cause);
    }
}
