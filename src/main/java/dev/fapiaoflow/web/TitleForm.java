package dev.fapiaoflow.web;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerProfileView;
import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.buyer.TaxpayerKind;

/** A title's every field as a page form: the titles page (new or changed) and the answer to 「待补充资料」. */
public class TitleForm {

    private Long id;
    private BuyerType buyerType = BuyerType.PERSONAL;
    private String title;
    private String taxId;
    private TaxpayerKind taxpayerKind;
    private String address;
    private String phone;
    private String bankName;
    private String bankAccount;
    private String email;

    static TitleForm of(BuyerProfileView saved) {
        TitleForm form = of(saved.details());
        form.id = saved.id();
        return form;
    }

    static TitleForm of(BuyerDetails details) {
        TitleForm form = new TitleForm();
        form.buyerType = details.buyerType();
        form.title = details.title();
        form.taxId = details.taxId();
        form.taxpayerKind = details.taxpayerKind();
        form.address = details.address();
        form.phone = details.phone();
        form.bankName = details.bankName();
        form.bankAccount = details.bankAccount();
        form.email = details.email();
        return form;
    }

    BuyerDetails details() {
        return new BuyerDetails(buyerType, title, taxId, address, phone, bankName, bankAccount, email,
                buyerType == BuyerType.ENTERPRISE ? taxpayerKind : null).normalised();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
