package dev.fapiaoflow.issuance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A price that includes VAT, split into its net amount and its tax. Prices on the school's orders are
 * tax-inclusive, so the tax is what is left after rounding the net amount: net + tax == gross, always.
 */
public record TaxedAmount(BigDecimal net, BigDecimal tax, BigDecimal gross) {

    /** net = round(gross / (1 + rate), 2, HALF_UP); tax = gross - net. */
    public static TaxedAmount ofGross(BigDecimal gross, BigDecimal rate) {
        if (gross.scale() > 2) {
            throw new IllegalArgumentException("an amount has at most 2 decimals: " + gross);
        }
        if (rate.signum() < 0) {
            throw new IllegalArgumentException("negative tax rate " + rate);
        }
        BigDecimal grossInFen = gross.setScale(2);
        BigDecimal net = grossInFen.divide(BigDecimal.ONE.add(rate), 2, RoundingMode.HALF_UP);
        return new TaxedAmount(net, grossInFen.subtract(net), grossInFen);
    }

    /** Unit price printed on the face: net / quantity, 8 decimals as the tax bureau's format allows. */
    public static BigDecimal unitPrice(BigDecimal net, BigDecimal quantity) {
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        return net.divide(quantity, 8, RoundingMode.HALF_UP);
    }

    /** 12.50000000 → "12.5", 100.00000000 → "100": as the unit price is shown. */
    public static String display(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    public TaxedAmount plus(TaxedAmount other) {
        return new TaxedAmount(net.add(other.net), tax.add(other.tax), gross.add(other.gross));
    }

    public static TaxedAmount zero() {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new TaxedAmount(zero, zero, zero);
    }
}
