package dev.fapiaoflow.web;

import java.util.ArrayList;
import java.util.List;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.request.Delivery;
import dev.fapiaoflow.request.InvoiceRequestCommand;

/** The portal's apply form: picked orders plus a saved title or a new one. */
public class ApplyForm {

    private List<String> orderNos = new ArrayList<>();
    private InvoiceType invoiceType = InvoiceType.NORMAL;
    private Long buyerProfileId;
    private BuyerType buyerType = BuyerType.PERSONAL;
    private String title;
    private String taxId;
    private String email;
    private boolean saveBuyerProfile;

    InvoiceRequestCommand toCommand() {
        BuyerDetails buyer = buyerProfileId != null ? null
                : new BuyerDetails(buyerType, trim(title), trim(taxId), null, null, null, null, null, null);
        return new InvoiceRequestCommand(orderNos, invoiceType, buyerProfileId, buyer, saveBuyerProfile, trim(email),
                Delivery.EMAIL, null);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public List<String> getOrderNos() {
        return orderNos;
    }

    public void setOrderNos(List<String> orderNos) {
        this.orderNos = orderNos == null ? new ArrayList<>() : orderNos;
    }

    public InvoiceType getInvoiceType() {
        return invoiceType;
    }

    public void setInvoiceType(InvoiceType invoiceType) {
        this.invoiceType = invoiceType;
    }

    public Long getBuyerProfileId() {
        return buyerProfileId;
    }

    public void setBuyerProfileId(Long buyerProfileId) {
        this.buyerProfileId = buyerProfileId;
    }

    public BuyerType getBuyerType() {
        return buyerType;
    }

    public void setBuyerType(BuyerType buyerType) {
        this.buyerType = buyerType;
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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isSaveBuyerProfile() {
        return saveBuyerProfile;
    }

    public void setSaveBuyerProfile(boolean saveBuyerProfile) {
        this.saveBuyerProfile = saveBuyerProfile;
    }
}
