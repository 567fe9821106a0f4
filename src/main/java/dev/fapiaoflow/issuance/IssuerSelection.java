package dev.fapiaoflow.issuance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which adapter issues the seller's invoices: {@code local} (numbered and rendered here) or {@code platform} (the
 * third-party e-invoice platform numbers, seals and files them). From {@code fapiaoflow.seller.issuing}; read anew for
 * every request, so switching takes effect for the next request without a restart (and tests can switch it). Only an
 * application started in platform mode may switch to the platform: the check of its account and its callback endpoint
 * are set up at start-up.
 */
@Component
public class IssuerSelection {

    public static final String LOCAL = "local";
    public static final String PLATFORM = "platform";

    private final boolean startedWithPlatform;
    private volatile String current;

    IssuerSelection(@Value("${fapiaoflow.seller.issuing:local}") String configured) {
        this.startedWithPlatform = PLATFORM.equals(configured);
        use(configured);
    }

    public String current() {
        return current;
    }

    public void use(String adapter) {
        if (!LOCAL.equals(adapter) && !PLATFORM.equals(adapter)) {
            throw new IllegalArgumentException("fapiaoflow.seller.issuing must be local or platform, not " + adapter);
        }
        if (PLATFORM.equals(adapter) && !startedWithPlatform) {
            throw new IllegalStateException("the platform adapter is set up only at start-up: start with "
                    + "fapiaoflow.seller.issuing=platform and the platform account (fapiaoflow.platform.*)");
        }
        this.current = adapter;
    }
}
