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

    /**
     * The form to validate and store: text trimmed (blank becomes absent), the tax ID without spaces and in
     * upper case, and no taxpayer kind on a personal title, where it means nothing.
     */
    public BuyerDetails normalised() {
        return new BuyerDetails(buyerType, trim(title), TaxIds.normalise(taxId), trim(address), trim(phone),
                trim(bankName), trim(bankAccount), trim(email),
                buyerType == BuyerType.PERSONAL ? null : taxpayerKind);
    }

    /** Keeps names, tax IDs and accounts out of logs and exception messages. */
    @Override
    public String toString() {
        return "BuyerDetails[buyerType=" + buyerType + ", taxpayerKind=" + taxpayerKind + ", other fields masked]";
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
