package dev.fapiaoflow.web;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerProfileView;

/** A title's every field as a page form: the titles page (new or changed) and the answer to 「待补充资料」. */
public class TitleForm extends BuyerFieldsForm {

    private Long id;
    private String email;

    static TitleForm of(BuyerProfileView saved) {
        TitleForm form = of(saved.details());
        form.id = saved.id();
        return form;
    }

    static TitleForm of(BuyerDetails details) {
        TitleForm form = new TitleForm();
        form.fillBuyer(details);
        form.email = details.email();
        return form;
    }

    BuyerDetails details() {
        return buyerDetails(email);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
