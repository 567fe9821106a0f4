package dev.fapiaoflow.buyer;

import java.time.Instant;

/** A saved invoice title as the API shows it to its owner; {@code defaultTitle}: the apply form starts with it. */
public record BuyerProfileView(
        long id,
        BuyerType buyerType,
        String title,
        String taxId,
        String address,
        String phone,
        String bankName,
        String bankAccount,
        String email,
        TaxpayerKind taxpayerKind,
        Instant createdAt,
        boolean defaultTitle) {

    static BuyerProfileView of(long id, BuyerDetails d, Instant createdAt, boolean defaultTitle) {
        return new BuyerProfileView(id, d.buyerType(), d.title(), d.taxId(), d.address(), d.phone(), d.bankName(),
                d.bankAccount(), d.email(), d.taxpayerKind(), createdAt, defaultTitle);
    }

    /** The title's content, to copy onto a request; not a JSON property (no getter-style name). */
    public BuyerDetails details() {
        return new BuyerDetails(buyerType, title, taxId, address, phone, bankName, bankAccount, email, taxpayerKind);
    }

    /** Keeps names, tax IDs and accounts out of logs and exception messages. */
    @Override
    public String toString() {
        return "BuyerProfileView[id=" + id + ", buyerType=" + buyerType + ", other fields masked]";
    }
}
