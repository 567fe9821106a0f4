package dev.fapiaoflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.fapiaoflow.support.SpringTestBase;

/** A notice held in the outbox (e.g. "more information needed") is never taken for the request's invoice mail. */
class OutboxNoticeTest extends SpringTestBase {

    private static final long REQUEST = 987_654L;

    @Autowired
    private OutboxWriter outbox;

    @Test
    void heldNoticeIsNotReusedAsTheInvoiceMailOfTheSameRequest() {
        OutboxMail notice = outbox.prepareNotice(REQUEST, new ComposedMail("ap@example.com", "请补充资料", "text", "<p>html</p>"));
        outbox.hold(notice.id());

        OutboxMail invoiceMail = outbox.prepare(REQUEST, new ComposedMail("ap@example.com", "您的电子发票已开具", "t", "<p>h</p>"));

        assertThat(invoiceMail.id()).isNotEqualTo(notice.id());
        assertThat(invoiceMail.kind()).isEqualTo(MailKind.INVOICE);
        assertThat(outbox.load(notice.id()).kind()).isEqualTo(MailKind.NOTICE);
        assertThat(outbox.prepare(REQUEST, new ComposedMail("ap@example.com", "again", "t", "h")).id())
                .as("an unsent invoice mail is still resumed").isEqualTo(invoiceMail.id());
    }
}
