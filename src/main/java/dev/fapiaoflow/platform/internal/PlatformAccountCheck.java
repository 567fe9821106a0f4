package dev.fapiaoflow.platform.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * In platform mode ({@code fapiaoflow.seller.issuing=platform}) the application does not start without the school's own
 * platform account: an app key and secret of its own (never the simulator's published pair, unless the simulator is the
 * platform) and somewhere to send calls. A missing setting is named by {@link PlatformAccountFailureAnalyzer}.
 */
@Component
@ConditionalOnProperty(name = "fapiaoflow.seller.issuing", havingValue = "platform")
class PlatformAccountCheck {

    /** the pair profile {@code platform-sim} gives the in-app simulator; it is in the repository, so it is no secret */
    static final String SIMULATOR_APP_KEY = "sim-app-key";
    static final String SIMULATOR_APP_SECRET = "sim-app-secret";

    PlatformAccountCheck(PlatformProperties properties) {
        List<String> problems = problems(properties);
        if (!problems.isEmpty()) {
            throw new PlatformAccountMissing(problems);
        }
    }

    static List<String> problems(PlatformProperties properties) {
        List<String> problems = new ArrayList<>();
        if (blank(properties.appKey())) {
            problems.add("fapiaoflow.platform.app-key (FAPIAOFLOW_PLATFORM_APP_KEY) is not set");
        }
        if (blank(properties.appSecret())) {
            problems.add("fapiaoflow.platform.app-secret (FAPIAOFLOW_PLATFORM_APP_SECRET) is not set");
        }
        if (!properties.simulatorIsThePlatform()) {
            if (SIMULATOR_APP_KEY.equals(properties.appKey())) {
                problems.add("fapiaoflow.platform.app-key is the simulator's published key");
            }
            if (SIMULATOR_APP_SECRET.equals(properties.appSecret())) {
                problems.add("fapiaoflow.platform.app-secret is the simulator's published secret");
            }
            if (blank(properties.baseUrl())) {
                problems.add("fapiaoflow.platform.base-url (FAPIAOFLOW_PLATFORM_BASE_URL) is not set and the simulator is off");
            }
        }
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
