package dev.fapiaoflow.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerProfileView;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.request.Delivery;
import dev.fapiaoflow.request.InvoiceRequestCommand;
import dev.fapiaoflow.shared.FieldError;

/**
 * The portal's apply form: picked orders and the title's every field. A saved title fills the fields; the
 * customer may fix them there (a title saved for normal invoices may lack what a special one needs), so the
 * request always carries the fields as shown, and {@code saveBuyerProfile} stores the fix in the picked title.
 */
public class ApplyForm extends BuyerFieldsForm {

    private List<String> orderNos = new ArrayList<>();
    private InvoiceType invoiceType = InvoiceType.NORMAL;
    private Long buyerProfileId;
    private String email;
    private boolean saveBuyerProfile;
    private Delivery delivery = Delivery.EMAIL;
    private String recipient;
    private String recipientPhone;
    private String postalAddress;

    /** the form as it opens with a saved title picked */
    void fillFrom(BuyerProfileView saved) {
        buyerProfileId = saved.id();
        fillBuyer(saved.details());
        email = saved.email();
    }

    BuyerDetails buyer() {
        return buyerDetails(email);
    }

    /** a picked title is updated by the page after the request was accepted, so the command never saves it anew */
    InvoiceRequestCommand toCommand() {
        boolean paper = invoiceType == InvoiceType.SPECIAL && delivery == Delivery.POST;
        InvoiceRequestCommand.PostalAddress postal = paper && (trim(recipient) != null || trim(recipientPhone) != null
                || trim(postalAddress) != null)
                        ? new InvoiceRequestCommand.PostalAddress(trim(recipient), trim(recipientPhone), trim(postalAddress))
                        : null;
        return new InvoiceRequestCommand(orderNos, invoiceType, null, buyer(),
                saveBuyerProfile && buyerProfileId == null, trim(email), paper ? Delivery.POST : Delivery.EMAIL, postal);
    }

    /** the postal address's own checks (the API's Bean Validation does them there) as field errors of this form */
    List<FieldError> postalProblems(Function<String, String> messages) {
        List<FieldError> problems = new ArrayList<>();
        if (invoiceType != InvoiceType.SPECIAL || delivery != Delivery.POST) {
            return problems;
        }
        check(problems, "recipient", recipient, 50, messages);
        check(problems, "recipientPhone", recipientPhone, 40, messages);
        check(problems, "postalAddress", postalAddress, 200, messages);
        return problems;
    }

    private static void check(List<FieldError> problems, String field, String value, int max,
            Function<String, String> messages) {
        String trimmed = trim(value);
        if (trimmed == null) {
            problems.add(new FieldError(field, messages.apply("apply.postal.required")));
        } else if (trimmed.codePointCount(0, trimmed.length()) > max) {
            problems.add(new FieldError(field, messages.apply("apply.postal.tooLong")));
        }
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

    public Delivery getDelivery() {
        return delivery;
    }

    public void setDelivery(Delivery delivery) {
        this.delivery = delivery == null ? Delivery.EMAIL : delivery;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public String getRecipientPhone() {
        return recipientPhone;
    }

    public void setRecipientPhone(String recipientPhone) {
        this.recipientPhone = recipientPhone;
    }

    public String getPostalAddress() {
        return postalAddress;
    }

    public void setPostalAddress(String postalAddress) {
        this.postalAddress = postalAddress;
    }
}
