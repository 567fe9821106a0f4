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
        @Valid PostalAddress postalAddress) {

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

    Delivery deliveryOrDefault() {
        return delivery == null ? Delivery.EMAIL : delivery;
    }
}
