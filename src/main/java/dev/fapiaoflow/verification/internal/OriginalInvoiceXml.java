package dev.fapiaoflow.verification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import dev.fapiaoflow.shared.upload.SafeXml;

/**
 * The invoice data an e-invoice OFD embeds as {@code original_invoice.xml} (root {@code eInvoice}): InvoiceCode,
 * InvoiceNo, IssueDate, InvoiceCheckCode, TaxInclusiveTotalAmount / TaxExclusiveTotalAmount, whatever their namespace.
 * It names no invoice kind: a 20-digit number is taken as a 数电 ordinary invoice (32), a coded one as an electronic
 * ordinary invoice (10) — the person confirms the kind before the check. The amount is the one the QR code would carry:
 * 价税合计 for 数电, the amount excluding tax otherwise.
 */
final class OriginalInvoiceXml {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\D?(\\d{1,2})\\D?(\\d{1,2})\\D?");

    private OriginalInvoiceXml() {
    }

    static Optional<InvoiceQrCode> read(InputStream xml) throws IOException {
        Document document;
        try {
            document = SafeXml.documentBuilderFactory().newDocumentBuilder().parse(xml);
        } catch (ParserConfigurationException | SAXException e) {
            return Optional.empty();
        }
        String number = text(document, "InvoiceNo");
        String code = text(document, "InvoiceCode");
        LocalDate date = date(text(document, "IssueDate"));
        boolean digital = number != null && number.matches("\\d{20}");
        String amount = digital ? text(document, "TaxInclusiveTotalAmount") : text(document, "TaxExclusiveTotalAmount");
        if (number == null || date == null || amount == null || !amount.matches("-?\\d{1,12}(\\.\\d{1,2})?")) {
            return Optional.empty();
        }
        String check = text(document, "InvoiceCheckCode");
        String kind = digital ? "32" : "10";
        String qr = String.join(",", "01", kind, digital || code == null ? "" : code, number, new BigDecimal(amount).setScale(2).toPlainString(),
                date.toString().replace("-", ""), check == null ? "" : check.replace(" ", ""), "");
        return InvoiceQrCode.parse(qr);
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        Matcher parts = DATE.matcher(text.strip());
        if (!parts.lookingAt()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)), Integer.parseInt(parts.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String text(Document document, String localName) {
        NodeList nodes = document.getElementsByTagNameNS("*", localName);
        if (nodes.getLength() == 0) {
            nodes = document.getElementsByTagName(localName);
        }
        for (int i = 0; i < nodes.getLength(); i++) {
            String value = nodes.item(i).getTextContent();
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
