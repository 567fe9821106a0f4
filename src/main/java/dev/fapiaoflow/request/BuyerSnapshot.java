package dev.fapiaoflow.request;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.buyer.TaxpayerKind;
import dev.fapiaoflow.security.EncryptedStringConverter;

/** The buyer as it was when the customer applied; later edits of a saved title do not change it. */
@Embeddable
class BuyerSnapshot {

    @Enumerated(EnumType.STRING)
    @Column(name = "buyer_type")
    private BuyerType buyerType;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "buyer_title")
    private String title;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "buyer_tax_id")
    private String taxId;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "buyer_address")
    private String address;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "buyer_phone")
    private String phone;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "buyer_bank_name")
    private String bankName;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "buyer_bank_account")
    private String bankAccount;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "buyer_email")
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "taxpayer_kind")
    private TaxpayerKind taxpayerKind;

    protected BuyerSnapshot() {
    }

    BuyerSnapshot(BuyerDetails buyer) {
        this.buyerType = buyer.buyerType();
        this.title = buyer.title();
        this.taxId = buyer.taxId();
        this.address = buyer.address();
        this.phone = buyer.phone();
        this.bankName = buyer.bankName();
        this.bankAccount = buyer.bankAccount();
        this.email = buyer.email();
        this.taxpayerKind = buyer.taxpayerKind();
    }

    BuyerDetails details() {
        return new BuyerDetails(buyerType, title, taxId, address, phone, bankName, bankAccount, email, taxpayerKind);
    }
}
