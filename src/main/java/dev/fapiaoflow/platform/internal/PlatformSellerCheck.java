package dev.fapiaoflow.platform.internal;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * In platform mode ({@code fapiaoflow.seller.issuing=platform}) the application refuses to start without the school's
 * own seller tax id at the platform ({@code fapiaoflow.platform.seller-tax-id}, a unified social credit code of 18
 * characters or an older 15/17/20-character tax id): the platform issues only for its account's seller, and an
 * invoice under someone else's tax id is not the school's. It must also be the seller printed on the invoices
 * ({@code fapiaoflow.seller.tax-id}).
 */
@Component
class PlatformSellerCheck implements InitializingBean {

    private final String issuing;
    private final PlatformProperties properties;
    private final String printedSeller;

    PlatformSellerCheck(@Value("${fapiaoflow.seller.issuing:local}") String issuing, PlatformProperties properties,
            @Value("${fapiaoflow.seller.tax-id:}") String printedSeller) {
        this.issuing = issuing;
        this.properties = properties;
        this.printedSeller = printedSeller;
    }

    @Override
    public void afterPropertiesSet() {
        if (!"platform".equals(issuing)) {
            return;
        }
        String taxId = properties.sellerTaxId();
        if (taxId == null || taxId.isBlank()) {
            throw new IllegalStateException("fapiaoflow.platform.seller-tax-id (FAPIAOFLOW_PLATFORM_SELLER_TAX_ID) is required"
                    + " in platform mode: the school's own tax id at the e-invoice platform");
        }
        if (!taxId.matches("[0-9A-Z]{15}|[0-9A-Z]{17,18}|[0-9A-Z]{20}")) {
            throw new IllegalStateException("fapiaoflow.platform.seller-tax-id is not a tax id: 15, 17, 18 or 20 digits"
                    + " and capital letters");
        }
        if (!taxId.equals(printedSeller)) {
            throw new IllegalStateException("fapiaoflow.platform.seller-tax-id " + taxId + " differs from the seller printed"
                    + " on the invoices (fapiaoflow.seller.tax-id " + printedSeller + ")");
        }
    }
}
