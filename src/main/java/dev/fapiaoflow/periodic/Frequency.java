package dev.fapiaoflow.periodic;

/** How often a subscriber is invoiced: for each calendar month, or each calendar quarter (Asia/Shanghai). */
public enum Frequency {
    MONTHLY, QUARTERLY
}
