package dev.fapiaoflow.buyer;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import dev.fapiaoflow.security.EncryptedStringConverter;

/**
 * The buyer as printed on an invoice, for tables that keep a copy of it ({@code buyer_*} columns): the
 * request as applied for and the invoice as issued. Every field but the type is encrypted at rest.
 */
@Embeddable
public class PrintedBuyer {

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

    protected PrintedBuyer() {
    }

    public PrintedBuyer(BuyerDetails buyer) {
        this.buyerType = buyer.buyerType();
        this.title = buyer.title();
        this.taxId = buyer.taxId();
        this.address = buyer.address();
        this.phone = buyer.phone();
        this.bankName = buyer.bankName();
        this.bankAccount = buyer.bankAccount();
    }

    /** The printed fields; e-mail and taxpayer kind are not part of what is printed. */
    public BuyerDetails details(String email, TaxpayerKind taxpayerKind) {
        return new BuyerDetails(buyerType, title, taxId, address, phone, bankName, bankAccount, email, taxpayerKind);
    }

    @Override
    public String toString() {
        return "PrintedBuyer[" + buyerType + ", fields masked]";
    }
}
