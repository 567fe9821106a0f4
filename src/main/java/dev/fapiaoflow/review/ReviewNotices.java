package dev.fapiaoflow.review;

import org.springframework.stereotype.Component;

import dev.fapiaoflow.delivery.InvoiceMailService;
import dev.fapiaoflow.request.InvoiceRequestService;
import dev.fapiaoflow.shared.Texts;

/** The mails of the review: to the customer (rejected, more information, cancelled) and to the finance managers. */
@Component
class ReviewNotices {

    private final InvoiceRequestService requests;
    private final InvoiceMailService mail;
    private final ReviewProperties properties;

    ReviewNotices(InvoiceRequestService requests, InvoiceMailService mail, ReviewProperties properties) {
        this.requests = requests;
        this.mail = mail;
        this.properties = properties;
    }

    void rejected(long requestId, String reason) {
        toCustomer(requestId, Texts.inProductLanguage("mail.review.rejected.subject"), Texts.inProductLanguage("mail.review.rejected.text", reason));
    }

    void moreInfoNeeded(long requestId, String whatIsMissing) {
        toCustomer(requestId, Texts.inProductLanguage("mail.review.moreInfo.subject"),
                Texts.inProductLanguage("mail.review.moreInfo.text", whatIsMissing, properties.supplementTimeout()));
    }

    void cancelled(long requestId) {
        toCustomer(requestId, Texts.inProductLanguage("mail.review.cancelled.subject"), Texts.inProductLanguage("mail.review.cancelled.text"));
    }

    /** only the request id: the managers open the review page for the rest */
    void escalated(long requestId) {
        mail.sendNotice(requestId, properties.managersEmail(), Texts.inProductLanguage("mail.review.escalated.subject", requestId),
                Texts.inProductLanguage("mail.review.escalated.text", requestId, properties.escalationWorkingDays()));
    }

    private void toCustomer(long requestId, String subject, String message) {
        mail.sendNotice(requestId, requests.deliveryTarget(requestId).email(), subject, message);
    }
}
