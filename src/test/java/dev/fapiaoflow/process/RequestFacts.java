package dev.fapiaoflow.process;

import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.BUYER_TYPE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.DELIVERY;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.INVOICE_TYPE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.TAXPAYER_KIND;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.TOTAL_AMOUNT_FEN;

import java.util.HashMap;
import java.util.Map;

import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.buyer.TaxpayerKind;
import dev.fapiaoflow.delivery.DeliveryProcess;
import dev.fapiaoflow.issuance.InvoiceType;

/**
 * What ValidateRequest finds out about a request and writes into the process (enum names as strings, the total
 * in fen as a Long): the test fixtures for the invoice-request process and its decision tables.
 */
record RequestFacts(InvoiceType invoiceType, BuyerType buyerType, TaxpayerKind taxpayerKind, long totalAmountFen,
        String delivery) {

    /** a learner's Python course, e-invoice by e-mail: the everyday case */
    static RequestFacts normalInvoiceForLearner() {
        return new RequestFacts(InvoiceType.NORMAL, BuyerType.PERSONAL, null, 1_999_00L,
                DeliveryProcess.Channels.EMAIL);
    }

    static RequestFacts specialInvoiceForLearner() {
        return new RequestFacts(InvoiceType.SPECIAL, BuyerType.PERSONAL, null, 1_999_00L,
                DeliveryProcess.Channels.EMAIL);
    }

    static RequestFacts specialInvoiceForGeneralTaxpayer() {
        return new RequestFacts(InvoiceType.SPECIAL, BuyerType.ENTERPRISE, TaxpayerKind.GENERAL, 59_970_00L,
                DeliveryProcess.Channels.EMAIL);
    }

    RequestFacts deliveredByPost() {
        return new RequestFacts(invoiceType, buyerType, taxpayerKind, totalAmountFen, DeliveryProcess.Channels.POST);
    }

    /** as process variables; a map that allows the null taxpayer kind of a personal buyer */
    Map<String, Object> asVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(INVOICE_TYPE, invoiceType.name());
        variables.put(BUYER_TYPE, buyerType.name());
        variables.put(TAXPAYER_KIND, taxpayerKind == null ? null : taxpayerKind.name());
        variables.put(TOTAL_AMOUNT_FEN, totalAmountFen);
        variables.put(DELIVERY, delivery);
        return variables;
    }
}
