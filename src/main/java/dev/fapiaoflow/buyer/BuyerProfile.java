package dev.fapiaoflow.buyer;

import java.time.Instant;

import dev.fapiaoflow.security.EncryptedStringConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's saved invoice title. Every personal or tax field is encrypted at rest. */
@Entity
@Table(name = "buyer_profile")
class BuyerProfile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String owner;

    @Enumerated(EnumType.STRING)
    @Column(name = "buyer_type", nullable = false, length = 16)
    private BuyerType buyerType;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(nullable = false, length = 1000)
    private String title;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "tax_id", length = 500)
    private String taxId;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(length = 1000)
    private String address;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(length = 500)
    private String phone;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "bank_name", length = 1000)
    private String bankName;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "bank_account", length = 500)
    private String bankAccount;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(length = 1000)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "taxpayer_kind", length = 16)
    private TaxpayerKind taxpayerKind;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "default_title", nullable = false)
    private boolean defaultTitle;

    protected BuyerProfile() {
        // for JPA
    }

    /** {@code details} must already be normalised and valid; the service sees to that. */
    BuyerProfile(String owner, BuyerDetails details, Instant createdAt) {
        this.owner = owner;
        replaceDetails(details);
        this.createdAt = createdAt;
    }

    /** {@code details} must already be normalised and valid; the service sees to that. */
    void replaceDetails(BuyerDetails details) {
        this.buyerType = details.buyerType();
        this.title = details.title();
        this.taxId = details.taxId();
        this.address = details.address();
        this.phone = details.phone();
        this.bankName = details.bankName();
        this.bankAccount = details.bankAccount();
        this.email = details.email();
        this.taxpayerKind = details.taxpayerKind();
    }

    void markDefault(boolean isDefault) {
        this.defaultTitle = isDefault;
    }

    boolean isDefault() {
        return defaultTitle;
    }

    BuyerDetails details() {
        return new BuyerDetails(buyerType, title, taxId, address, phone, bankName, bankAccount, email, taxpayerKind);
    }

    BuyerProfileView view() {
        return BuyerProfileView.of(id, details(), createdAt, defaultTitle);
    }

    Long id() {
        return id;
    }

    String owner() {
        return owner;
    }
}
