package dev.fapiaoflow.issuance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** The outputs of the tax-classification table for one product category. */
public record TaxClassification(BigDecimal taxRate, String taxCode, String taxShortName, String itemLabel) {

    public static final String DECISION_KEY = "tax-classification";
    public static final String CATEGORY = "category";
    public static final String SELLER_STATUS = "sellerStatus";

    public TaxClassification {
        if (taxCode == null || !taxCode.matches("\\d{19}")) {
            throw new IllegalStateException("tax-classification gave a tax code that is not 19 digits: " + taxCode);
        }
        if (taxShortName == null || taxShortName.isBlank()) {
            throw new IllegalStateException("tax-classification gave no short name for tax code " + taxCode);
        }
    }

    /**
     * Reads one matched rule of the table. The rate is a DMN double; the table's literals are short decimals
     * that {@link BigDecimal#valueOf(double)} turns back into exactly what was written (0.06, 0.13), and a
     * rate with more than four decimals (the column's scale) is refused rather than rounded.
     */
    public static TaxClassification fromDecision(Map<String, Object> outputs) {
        Object rate = outputs.get("taxRate");
        if (!(rate instanceof Number number)) {
            throw new IllegalStateException("tax-classification gave no numeric taxRate: " + rate);
        }
        BigDecimal taxRate = BigDecimal.valueOf(number.doubleValue()).setScale(4, RoundingMode.UNNECESSARY);
        return new TaxClassification(taxRate, (String) outputs.get("taxCode"), (String) outputs.get("taxShortName"),
                (String) outputs.get("itemLabel"));
    }

    /**
     * The item name the tax bureau expects: {@code *简称*名称}, e.g. *非学历教育服务*培训费. Without an item
     * label in the table the product's own name follows the short name.
     */
    public String itemName(String productName) {
        String label = itemLabel == null || itemLabel.isBlank() ? productName : itemLabel;
        return "*" + taxShortName + "*" + label;
    }
}
