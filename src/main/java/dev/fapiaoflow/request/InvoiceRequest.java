package dev.fapiaoflow.request;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.PrintedBuyer;
import dev.fapiaoflow.buyer.TaxpayerKind;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.security.EncryptedStringConverter;

/** A customer's application for an invoice; guards its own status transitions. */
@Entity
@Table(name = "invoice_request")
class InvoiceRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private String customer;

    @Enumerated(EnumType.STRING)
    private RequestStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "invoice_type")
    private InvoiceType invoiceType;

    @Enumerated(EnumType.STRING)
    private Delivery delivery;

    @Convert(converter = EncryptedStringConverter.class)
    private String email;

    /** the buyer as it was when the customer applied; later edits of a saved title do not change it */
    @Embedded
    private PrintedBuyer buyer;

    /** keyed blind index of the buyer's tax ID (see BlindIndex): who else used it, without decrypting */
    @Column(name = "buyer_tax_id_index")
    private String buyerTaxIdIndex;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "buyer_email")
    private String buyerEmail;

    @Enumerated(EnumType.STRING)
    @Column(name = "taxpayer_kind")
    private TaxpayerKind taxpayerKind;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "postal_recipient")
    private String postalRecipient;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "postal_phone")
    private String postalPhone;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "postal_address")
    private String postalAddress;

    @Column(name = "total_amount")
    private BigDecimal totalAmount;

    @Column(name = "attachment_formats")
    private String attachmentFormats;

    private String reason;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "invoice_request_order", joinColumns = @JoinColumn(name = "request_id"))
    @Column(name = "order_no")
    private List<String> orderNos = new ArrayList<>();

    protected InvoiceRequest() {
    }

    InvoiceRequest(String customer, InvoiceRequestCommand command, BuyerDetails buyer, String email, BigDecimal totalAmount,
            Instant now) {
        this.customer = customer;
        this.status = RequestStatus.REQUESTED;
        this.invoiceType = command.invoiceType();
        this.delivery = command.deliveryOrDefault();
        this.attachmentFormats = command.attachmentFormatsColumn();
        this.email = email;
        this.buyer = new PrintedBuyer(buyer);
        this.buyerEmail = buyer.email();
        this.taxpayerKind = buyer.taxpayerKind();
        if (command.postalAddress() != null) {
            this.postalRecipient = command.postalAddress().recipient();
            this.postalPhone = command.postalAddress().phone();
            this.postalAddress = command.postalAddress().address();
        }
        this.totalAmount = totalAmount;
        this.orderNos = new ArrayList<>(command.orderNos());
        this.createdAt = now;
        this.updatedAt = now;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void indexTaxIdAs(String index) {
        this.buyerTaxIdIndex = index;
    }

    void markInReview(Instant at) {
        requireStatus(RequestStatus.REQUESTED, RequestStatus.NEEDS_INFO);
        this.reason = null; // what was asked for has been supplied
        moveTo(RequestStatus.IN_REVIEW, at);
    }

    /** the reviewer needs more from the customer; the customer reads {@code whatIsMissing} */
    void askForInfo(String whatIsMissing, Instant at) {
        requireStatus(RequestStatus.IN_REVIEW);
        this.reason = whatIsMissing;
        moveTo(RequestStatus.NEEDS_INFO, at);
    }

    /**
     * The customer's corrected buyer details replace the snapshot; returns the details as they were, for the
     * reviewer to compare. Only while the request waits for them.
     */
    PrintedBuyer supplyBuyer(BuyerDetails corrected, String taxIdIndex, Instant at) {
        requireStatus(RequestStatus.NEEDS_INFO);
        PrintedBuyer previous = this.buyer;
        this.buyer = new PrintedBuyer(corrected);
        this.taxpayerKind = corrected.taxpayerKind();
        if (corrected.email() != null) {
            this.buyerEmail = corrected.email();
        }
        this.buyerTaxIdIndex = taxIdIndex;
        this.updatedAt = at;
        return previous;
    }

    void cancel(String reason, Instant at) {
        requireStatus(RequestStatus.REQUESTED, RequestStatus.IN_REVIEW, RequestStatus.NEEDS_INFO);
        this.reason = reason;
        moveTo(RequestStatus.CANCELLED, at);
    }

    void reject(String reason, Instant at) {
        requireStatus(RequestStatus.REQUESTED, RequestStatus.IN_REVIEW, RequestStatus.NEEDS_INFO);
        this.reason = reason;
        moveTo(RequestStatus.REJECTED, at);
    }

    void markIssued(Instant at) {
        requireStatus(RequestStatus.REQUESTED, RequestStatus.IN_REVIEW);
        moveTo(RequestStatus.ISSUED, at);
    }

    void markDelivered(Instant at) {
        if (status == RequestStatus.DELIVERED) {
            return; // a retried delivery step may report twice
        }
        requireStatus(RequestStatus.ISSUED);
        moveTo(RequestStatus.DELIVERED, at);
    }

    private void requireStatus(RequestStatus... allowed) {
        for (RequestStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new IllegalStateException("request " + id + " is " + status + ", cannot change that way");
    }

    private void moveTo(RequestStatus next, Instant at) {
        this.status = next;
        this.updatedAt = at;
    }

    Long id() {
        return id;
    }

    String customer() {
        return customer;
    }

    RequestStatus status() {
        return status;
    }

    InvoiceType invoiceType() {
        return invoiceType;
    }

    Delivery delivery() {
        return delivery;
    }

    /** The documents the invoice mail attaches: PDF unless the request said otherwise. */
    List<String> attachmentFormats() {
        return attachmentFormats == null ? List.of("PDF") : List.of(attachmentFormats.split(","));
    }

    String email() {
        return email;
    }

    BuyerDetails buyer() {
        return buyer.details(buyerEmail, taxpayerKind);
    }

    /** where the paper invoice goes; null for a request delivered by e-mail */
    InvoiceRequestCommand.PostalAddress postalAddress() {
        return postalAddress == null ? null
                : new InvoiceRequestCommand.PostalAddress(postalRecipient, postalPhone, postalAddress);
    }

    BigDecimal totalAmount() {
        return totalAmount;
    }

    String buyerTaxIdIndex() {
        return buyerTaxIdIndex;
    }

    String reason() {
        return reason;
    }

    Instant createdAt() {
        return createdAt;
    }

    List<String> orderNos() {
        return List.copyOf(orderNos);
    }
}
