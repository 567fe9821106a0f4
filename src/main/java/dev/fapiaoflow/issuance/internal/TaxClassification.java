package dev.fapiaoflow.issuance.internal;

import java.math.BigDecimal;

/** The outputs of the tax-classification table for one product category. */
public record TaxClassification(BigDecimal taxRate, String taxCode, String taxShortName, String itemLabel) {

    /**
     * The item name the tax bureau expects: {@code *简称*名称}, e.g. *非学历教育服务*培训费. Without an item
     * label in the table the product's own name follows the short name.
     */
    public String itemName(String productName) {
        String label = itemLabel == null || itemLabel.isBlank() ? productName : itemLabel;
        return "*" + taxShortName + "*" + label;
    }
}
