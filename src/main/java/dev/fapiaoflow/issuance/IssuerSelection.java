package dev.fapiaoflow.issuance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which adapter issues the seller's invoices: {@code local} (numbered and rendered here) or {@code platform} (the
 * third-party e-invoice platform numbers, seals and files them). From {@code fapiaoflow.seller.issuing}; read anew for
 * every request, so switching takes effect for the next request without a restart (and tests can switch it).
 */
@Component
public class IssuerSelection {

    public static final String LOCAL = "local";
    public static final String PLATFORM = "platform";

    private volatile String current;

    IssuerSelection(@Value("${fapiaoflow.seller.issuing:local}") String configured) {
        use(configured);
    }

    public String current() {
        return current;
    }

    public void use(String adapter) {
        if (!LOCAL.equals(adapter) && !PLATFORM.equals(adapter)) {
            throw new IllegalArgumentException("fapiaoflow.seller.issuing must be local or platform, not " + adapter);
        }
        this.current = adapter;
    }
}
