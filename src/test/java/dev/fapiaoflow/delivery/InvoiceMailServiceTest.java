package dev.fapiaoflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.util.ReflectionTestUtils;

import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.request.Delivery;
import dev.fapiaoflow.request.DeliveryTarget;
import dev.fapiaoflow.request.InvoiceRequestService;

/** Without a mail server the invoice mail is kept in the outbox and nothing claims it was delivered. */
class InvoiceMailServiceTest {

    private final InvoiceRequestService requests = mock(InvoiceRequestService.class);
    private final IssuanceService issuance = mock(IssuanceService.class);
    private final InvoiceMailComposer composer = mock(InvoiceMailComposer.class);
    private final OutboxWriter outbox = mock(OutboxWriter.class);
    @SuppressWarnings("unchecked")
    private final ObjectProvider<JavaMailSender> noMailServer = mock(ObjectProvider.class);

    @Test
    void withoutAMailServerTheMailIsHeldAndTheRequestStaysIssued() {
        DeliveryTarget target = new DeliveryTarget(7L, "alice", "alice@example.com", "爱丽丝", InvoiceType.NORMAL, Delivery.EMAIL);
        ComposedMail composed = new ComposedMail("alice@example.com", "subject", "text", "<p>html</p>");
        OutboxMail held = new OutboxMail(7L, composed.recipient(), composed.subject(), composed.text(), composed.html(),
                Instant.EPOCH);
        ReflectionTestUtils.setField(held, "id", 42L);
        when(requests.deliveryTarget(7L)).thenReturn(target);
        when(issuance.invoicesOfRequest(7L)).thenReturn(List.of());
        when(composer.invoiceIssued(any(), any(), org.mockito.ArgumentMatchers.anyBoolean())).thenReturn(composed);
        when(outbox.prepare(anyLong(), any())).thenReturn(held);
        when(noMailServer.getIfAvailable()).thenReturn(null);
        InvoiceMailService service = new InvoiceMailService(requests, issuance, composer, outbox, noMailServer,
                new MailProperties("fapiao@school.example", "FapiaoFlow", "http://localhost:8080"));

        assertThat(service.deliverByMail(7L)).isEqualTo(InvoiceMailService.Outcome.HELD);
        assertThat(service.mailServerConfigured()).isFalse();
        verify(outbox).hold(42L);
        verify(requests, never()).markDelivered(anyLong());
        verify(issuance, never()).markDelivered(anyLong(), anyString());
    }
}
