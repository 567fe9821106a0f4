package dev.fapiaoflow.web;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.buyer.TaxpayerKind;

/**
 * The eight buyer fields every page form of a title shares (the apply form, the titles page, the answer to 「待补充资料」),
 * under the names the pages post ({@code buyerType}, {@code title}, {@code taxId}, …), and their one conversion to
 * {@link BuyerDetails}: normalised (trimmed, tax ID in upper case) and a taxpayer kind only for organisations, so
 * {@link dev.fapiaoflow.buyer.BuyerValidation} checks every page's fields alike. A base class rather than a nested
 * object: Spring binds inherited properties under the same flat names, so nothing the pages post changes.
 */
abstract class BuyerFieldsForm {

    private BuyerType buyerType = BuyerType.PERSONAL;
    private String title;
    private String taxId;
    private TaxpayerKind taxpayerKind;
    private String address;
    private String phone;
    private String bankName;
    private String bankAccount;

    /** the fields as they open for a saved (or sent) title */
    void fillBuyer(BuyerDetails details) {
        buyerType = details.buyerType() == null ? BuyerType.PERSONAL : details.buyerType();
        title = details.title();
        taxId = details.taxId();
        taxpayerKind = details.taxpayerKind();
        address = details.address();
        phone = details.phone();
        bankName = details.bankName();
        bankAccount = details.bankAccount();
    }

    /** the buyer as shown, with {@code email} (the form's own field), ready for BuyerValidation */
    BuyerDetails buyerDetails(String email) {
        return new BuyerDetails(buyerType, title, taxId, address, phone, bankName, bankAccount, email,
                buyerType == BuyerType.ENTERPRISE ? taxpayerKind : null).normalised();
    }

    public BuyerType getBuyerType() {
        return buyerType;
    }

    public void setBuyerType(BuyerType buyerType) {
        this.buyerType = buyerType == null ? BuyerType.PERSONAL : buyerType;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public TaxpayerKind getTaxpayerKind() {
        return taxpayerKind;
    }

    public void setTaxpayerKind(TaxpayerKind taxpayerKind) {
        this.taxpayerKind = taxpayerKind;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getBankName() {
        return bankName;
    }

    public void setBankName(String bankName) {
        this.bankName = bankName;
    }

    public String getBankAccount() {
        return bankAccount;
    }

    public void setBankAccount(String bankAccount) {
        this.bankAccount = bankAccount;
    }
}
