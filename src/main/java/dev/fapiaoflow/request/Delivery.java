package dev.fapiaoflow.request;

public enum Delivery {
    /** the PDF by e-mail */
    EMAIL,
    /** paper, by courier (special VAT invoices) */
    POST
}
