package dev.fapiaoflow.support;

import org.springframework.test.context.TestPropertySource;

/**
 * Base of the tests that issue through the e-invoice platform: the application started in platform mode, as in
 * production, with test keys of its own and the in-context simulator as the platform. One context for all of them
 * (same properties), beside the shared one; its engine has a name of its own so that it does not take
 * {@code /engine-rest} over from the shared context.
 */
@TestPropertySource(properties = {
        "fapiaoflow.seller.issuing=platform",
        "fapiaoflow.platform.app-key=" + PlatformModeTest.APP_KEY,
        "fapiaoflow.platform.app-secret=" + PlatformModeTest.APP_SECRET,
        "fapiaoflow.platform.simulator.enabled=true",
        "camunda.bpm.process-engine-name=platformTests" })
public abstract class PlatformModeTest extends SpringTestBase {

    public static final String APP_KEY = "test-app-key";
    public static final String APP_SECRET = "test-app-secret-4f1c9a";
}
