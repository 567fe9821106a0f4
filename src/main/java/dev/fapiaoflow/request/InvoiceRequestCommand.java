package dev.fapiaoflow.request;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.issuance.InvoiceType;

/** A customer's application for an invoice on one or more paid orders (API.md, "Invoice requests"). */
public record InvoiceRequestCommand(
        @NotEmpty @Size(max = 50) List<@NotBlank String> orderNos,
        @NotNull InvoiceType invoiceType,
        Long buyerProfileId,
        @Valid BuyerDetails buyer,
        boolean saveBuyerProfile,
        @Email @Size(max = 254) String email,
        Delivery delivery,
        @Valid PostalAddress postalAddress,
        List<String> attachmentFormats) {

    /** The documents an invoice mail may attach; {@code attachmentFormats} absent means PDF only. */
    public static final List<String> FORMATS = List.of("PDF", "OFD");

    public InvoiceRequestCommand(List<String> orderNos, InvoiceType invoiceType, Long buyerProfileId, BuyerDetails buyer,
            boolean saveBuyerProfile, String email, Delivery delivery, PostalAddress postalAddress) {
        this(orderNos, invoiceType, buyerProfileId, buyer, saveBuyerProfile, email, delivery, postalAddress, null);
    }

    public record PostalAddress(
            @NotBlank @Size(max = 50) String recipient,
            @NotBlank @Size(max = 40) String phone,
            @NotBlank @Size(max = 200) String address) {

        @Override
        public String toString() {
            return "PostalAddress[masked]";
        }
    }

    /** Keeps e-mail and postal address out of logs; the buyer masks itself. */
    @Override
    public String toString() {
        return "InvoiceRequestCommand[orderNos=" + orderNos + ", invoiceType=" + invoiceType + ", buyerProfileId="
                + buyerProfileId + ", buyer=" + buyer + ", delivery=" + delivery + ", email and address masked]";
    }

    /** null when absent (PDF), else the formats in a fixed order, e.g. {@code PDF,OFD}. */
    String attachmentFormatsColumn() {
        if (attachmentFormats == null) {
            return null;
        }
        return String.join(",", FORMATS.stream().filter(attachmentFormats::contains).toList());
    }

    Delivery deliveryOrDefault() {
        return delivery == null ? Delivery.EMAIL : delivery;
    }
}
