package dev.fapiaoflow.delivery;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfigurer;

import dev.fapiaoflow.issuance.InvoiceSummary;
import dev.fapiaoflow.issuance.DemoMark;
import dev.fapiaoflow.request.DeliveryTarget;
import dev.fapiaoflow.shared.Texts;

/** Renders the invoice mail (HTML and plain text, Chinese) from FreeMarker templates under templates/mail. */
@Component
class InvoiceMailComposer {

    private final Configuration freemarker;
    private final MailProperties properties;

    InvoiceMailComposer(FreeMarkerConfigurer configurer, MailProperties properties) {
        this.freemarker = configurer.getConfiguration();
        this.properties = properties;
    }

    /**
     * {@code demo}: local-mode invoices (not issued by the tax authority's platform); the mail says so in its subject
     * and at the top of its text, in the words of the documents' mark.
     */
    ComposedMail invoiceIssued(DeliveryTarget target, List<InvoiceSummary> invoices, boolean demo) {
        Map<String, Object> model = Map.of(
                "buyerTitle", target.buyerTitle(),
                "invoices", invoices,
                "portalUrl", properties.portalUrl(),
                "demoMark", demo ? DemoMark.TEXT : "");
        String numbers = String.join("、", invoices.stream().map(InvoiceSummary::number).toList());
        String subject = (demo ? "【" + DemoMark.TEXT + "】" : "") + Texts.inProductLanguage("mail.issued.subject", numbers);
        return new ComposedMail(target.email(), subject,
                render("mail/invoice-issued.txt.ftl", model), render("mail/invoice-issued.html.ftlh", model));
    }

    /** a plain notice: a headline and a message, both text the caller chose (HTML-escaped by the template) */
    ComposedMail notice(String recipient, String subject, String message, Long requestId) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("subject", subject);
        model.put("message", message);
        model.put("requestId", requestId == null ? "" : String.valueOf(requestId));
        model.put("portalUrl", properties.portalUrl());
        return new ComposedMail(recipient, subject, render("mail/notice.txt.ftl", model), render("mail/notice.html.ftlh", model));
    }

    private String render(String template, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            freemarker.getTemplate(template).process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("cannot render mail template " + template, e);
        }
    }
}
