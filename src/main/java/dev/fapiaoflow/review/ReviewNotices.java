package dev.fapiaoflow.review;

import org.springframework.stereotype.Component;

import dev.fapiaoflow.delivery.InvoiceMailService;
import dev.fapiaoflow.request.InvoiceRequestService;

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
        toCustomer(requestId, "您的增值税专用发票申请未通过审核", "审核意见：" + reason);
    }

    void moreInfoNeeded(long requestId, String whatIsMissing) {
        toCustomer(requestId, "请补充增值税专用发票申请资料",
                "财务审核需要您补充以下资料：\n" + whatIsMissing + "\n\n请在 " + properties.supplementTimeout()
                        + "（ISO-8601 期限）内登录发票中心补充，逾期申请将自动取消。");
    }

    void cancelled(long requestId) {
        toCustomer(requestId, "您的增值税专用发票申请已取消", "您未在期限内补充审核所需的资料，申请已取消，订单可以重新申请开票。");
    }

    /** only the request id: the managers open the review page for the rest */
    void escalated(long requestId) {
        mail.sendNotice(requestId, properties.managersEmail(), "专用发票审核已超时：申请 " + requestId,
                "申请 " + requestId + " 的专用发票审核已超过 " + properties.escalationWorkingDays()
                        + " 个工作日，已转交财务经理组（finance-manager）。");
    }

    private void toCustomer(long requestId, String subject, String message) {
        mail.sendNotice(requestId, requests.deliveryTarget(requestId).email(), subject, message);
    }
}
