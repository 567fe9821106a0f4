package dev.fapiaoflow.buyer;

public enum BuyerType {
    /** 个人: a learner; needs no tax ID and may not receive a special VAT invoice. */
    PERSONAL,
    /** 单位: a company or other organisation, identified by its tax ID. */
    ENTERPRISE
}
