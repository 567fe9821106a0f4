package dev.fapiaoflow.verification.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.Texts;
import dev.fapiaoflow.verification.ForeignCheckAnswer;
import dev.fapiaoflow.verification.ForeignInvoiceStatus;

/**
 * The request and answer of Tencent Cloud OCR's {@code VatInvoiceVerifyNew} (version 2018-11-19), as its API
 * documentation describes them: request fields InvoiceNo, InvoiceDate (yyyy-MM-dd), InvoiceCode (empty for 数电),
 * InvoiceKind, CheckCode (last six digits), Amount (excluding tax; 价税合计 for 数电); the answer's
 * {@code Response.Invoice} (VatInvoice) or {@code Response.Error.Code}.
 */
final class TencentMessages {

    static final String ACTION = "VatInvoiceVerifyNew";
    static final String VERSION = "2018-11-19";
    static final String SERVICE = "ocr";

    static final String NO_INVOICE = "ResourceNotFound.NoInvoice";
    static final String MISMATCH = "FailedOperation.InvoiceMismatch";
    static final String COUNT_LIMIT = "FailedOperation.CountLimitError";

    /** the provider's refusals of a field, by the field of our API they concern */
    private static final Map<String, String> FIELD_OF_ERROR = Map.of(
            "InvalidParameterValue.TicketSnParameterValueLimit", "number",
            "InvalidParameterValue.TicketCodeParameterValueLimit", "code",
            "InvalidParameterValue.TicketDateParameterValueLimit", "issueDate",
            "InvalidParameterValue.PriceOrVerificationParameterValueLimit", "amount",
            "ResourceNotFound.NotSupportCurrentInvoiceQuery", "issueDate",
            "InvalidParameterValue.InvalidParameterValueLimit", "invoice");

    private TencentMessages() {
    }

    /** 数电 kinds go as Tencent's electronic kinds "含全电": 31 as 08, 32 as 10 */
    static String tencentKind(String kind) {
        return switch (kind) {
            case "31" -> "08";
            case "32" -> "10";
            default -> kind;
        };
    }

    static String request(ObjectMapper json, ForeignInvoiceQuery query) {
        ObjectNode body = json.createObjectNode();
        body.put("InvoiceNo", query.number());
        body.put("InvoiceDate", query.issueDate().toString());
        if (query.code() != null) {
            body.put("InvoiceCode", query.code());
        }
        body.put("InvoiceKind", tencentKind(query.kind()));
        if (query.checkCode() != null) {
            body.put("CheckCode", query.checkCode());
        }
        if (query.amount() != null) {
            body.put("Amount", query.amount().toPlainString());
        }
        return body.toString();
    }

    /**
     * @throws InvalidInputException for a field the provider refused
     * @throws InvoiceVerificationProvider.ProviderLimitReached for the authority's daily limit per invoice
     * @throws InvoiceVerificationProvider.ProviderUnavailable for any other error (account, signature, tax network)
     */
    static ForeignCheckAnswer answer(JsonNode answer, ForeignInvoiceQuery query, Instant checkedAt) {
        JsonNode response = answer.path("Response");
        JsonNode error = response.path("Error");
        if (!error.isMissingNode()) {
            String code = error.path("Code").asText();
            String message = error.path("Message").asText();
            if (code.equals(NO_INVOICE)) {
                return new ForeignCheckAnswer("tencent", ForeignCheckAnswer.Result.NOT_FOUND, null, checkedAt, false, null);
            }
            if (code.equals(MISMATCH)) {
                return new ForeignCheckAnswer("tencent", ForeignCheckAnswer.Result.MISMATCH, null, checkedAt, false, null);
            }
            if (code.equals(COUNT_LIMIT)) {
                throw new InvoiceVerificationProvider.ProviderLimitReached(code + ": " + message);
            }
            String field = FIELD_OF_ERROR.get(code);
            if (field != null) {
                throw new InvalidInputException(List.of(new FieldError(field(field, query),
                        Texts.of("verify.foreign.fieldRefused", code, message))));
            }
            throw new InvoiceVerificationProvider.ProviderUnavailable("Tencent Cloud answered " + code + ": " + message + " (RequestId "
                    + response.path("RequestId").asText() + ")", null);
        }
        JsonNode invoice = response.path("Invoice");
        if (!invoice.isObject()) {
            throw new InvoiceVerificationProvider.ProviderUnavailable("Tencent Cloud answered without Invoice and without Error", null);
        }
        return new ForeignCheckAnswer("tencent", ForeignCheckAnswer.Result.MATCH, status(invoice.path("IsAbandoned").asText()),
                checkedAt, false, invoice(invoice, query));
    }

    /** IsAbandoned: N 未作废, Y 已作废, H/HF 红冲 (全额), HP 部分红冲; anything else the clerk must look at */
    static ForeignInvoiceStatus status(String isAbandoned) {
        return switch (isAbandoned) {
            case "N", "" -> ForeignInvoiceStatus.NORMAL;
            case "Y" -> ForeignInvoiceStatus.VOIDED;
            case "H", "HF" -> ForeignInvoiceStatus.RED_FLUSHED;
            case "HP" -> ForeignInvoiceStatus.PARTIALLY_RED_FLUSHED;
            default -> ForeignInvoiceStatus.ABNORMAL;
        };
    }

    private static String field(String field, ForeignInvoiceQuery query) {
        if (!field.equals("amount")) {
            return field;
        }
        return query.digital() ? "totalAmount" : query.special() ? "amountExcludingTax" : "checkCode";
    }

    private static ForeignCheckAnswer.Invoice invoice(JsonNode invoice, ForeignInvoiceQuery query) {
        List<ForeignCheckAnswer.Item> items = new ArrayList<>();
        for (JsonNode item : invoice.path("Items")) {
            items.add(new ForeignCheckAnswer.Item(text(item, "Name"), text(item, "Spec"), text(item, "Unit"), text(item, "Quantity"),
                    text(item, "UnitPrice"), text(item, "AmountWithoutTax"), text(item, "TaxRate"), text(item, "TaxAmount")));
        }
        String code = text(invoice, "Code");
        return new ForeignCheckAnswer.Invoice(query.kind(), code == null || code.isBlank() ? null : code,
                text(invoice, "Number"), isoDate(text(invoice, "Date")), text(invoice, "SellerName"), text(invoice, "SellerTaxCode"),
                text(invoice, "BuyerName"), text(invoice, "BuyerTaxCode"), text(invoice, "AmountWithoutTax"), text(invoice, "TaxAmount"),
                text(invoice, "AmountWithTax"), List.copyOf(items));
    }

    /** the documentation's example answers "20191211"; an ISO date is kept as it is */
    private static String isoDate(String date) {
        if (date != null && date.matches("\\d{8}")) {
            return date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6);
        }
        return date;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
