package dev.fapiaoflow.buyer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The buyer as printed on an invoice (发票抬头). Same fields as a saved title in API.md.
 * Business validation (required per buyer type, tax ID checksum, e-mail) is {@link BuyerValidation}.
 */
public record BuyerDetails(
        @NotNull BuyerType buyerType,
        @Size(max = 100) String title,
        @Size(max = 20) String taxId,
        @Size(max = 200) String address,
        @Size(max = 40) String phone,
        @Size(max = 100) String bankName,
        @Size(max = 40) String bankAccount,
        @Size(max = 254) String email,
        TaxpayerKind taxpayerKind) {
}
