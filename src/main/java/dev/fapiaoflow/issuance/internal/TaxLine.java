package dev.fapiaoflow.issuance.internal;

import java.math.BigDecimal;

/** One invoice line as computed from a draft line and its tax classification, before it is stored. */
public record TaxLine(String itemName, String taxCode, BigDecimal quantity, BigDecimal unitPrice, BigDecimal taxRate,
        TaxedAmount amount) {

    public static TaxLine of(String productName, BigDecimal quantity, BigDecimal gross, TaxClassification classification) {
        TaxedAmount amount = TaxedAmount.ofGross(gross, classification.taxRate());
        return new TaxLine(classification.itemName(productName), classification.taxCode(), quantity,
                TaxedAmount.unitPrice(amount.net(), quantity), classification.taxRate(), amount);
    }
}
