package dev.fapiaoflow.buyer;

/**
 * One suggestion of the title auto-completion (抬头联想): a saved title ({@code SAVED}, with its {@code id} and every
 * field) or a company the e-invoice platform knows ({@code PLATFORM}: name and {@code platformCode}, whose details
 * {@code GET /api/buyer-titles/companies/{platformCode}} answers; there, the fields the platform knows). Absent fields
 * are null.
 */
public record TitleSuggestion(
        Source source,
        Long id,
        String platformCode,
        BuyerType buyerType,
        String title,
        String taxId,
        TaxpayerKind taxpayerKind,
        String address,
        String phone,
        String bankName,
        String bankAccount,
        String email) {

    public enum Source { SAVED, PLATFORM }

    static TitleSuggestion saved(BuyerProfileView t) {
        return new TitleSuggestion(Source.SAVED, t.id(), null, t.buyerType(), t.title(), t.taxId(), t.taxpayerKind(),
                t.address(), t.phone(), t.bankName(), t.bankAccount(), t.email());
    }

    static TitleSuggestion platformName(String code, String name) {
        return new TitleSuggestion(Source.PLATFORM, null, code, BuyerType.ENTERPRISE, name, null, null, null, null, null,
                null, null);
    }

    /** Keeps names, tax IDs and accounts out of logs. */
    @Override
    public String toString() {
        return "TitleSuggestion[source=" + source + ", id=" + id + ", other fields masked]";
    }
}
