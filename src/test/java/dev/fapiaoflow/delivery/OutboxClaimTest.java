package dev.fapiaoflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.fapiaoflow.support.SpringTestBase;

/**
 * One sender at a time per outbox mail, and a sent mail is never taken again: what keeps a delivery step that runs
 * twice (its job lock expired on a slow node, or its transaction failed after the SMTP server accepted the mail) from
 * mailing the customer twice.
 */
class OutboxClaimTest extends SpringTestBase {

    @Autowired
    OutboxWriter outbox;
    @Autowired
    OutboxMailRepository mails;

    private final ComposedMail composed = new ComposedMail("alice@example.com", "您的发票", "text", "<p>html</p>");

    @Test
    void aClaimedMailCannotBeClaimedAgainUntilTheAttemptFailsOrTheClaimExpires() {
        long requestId = 9_000_000L + System.nanoTime() % 1_000_000;
        OutboxMail mail = outbox.prepare(requestId, composed);

        assertThat(outbox.claim(mail.id(), Duration.ofMinutes(2))).isTrue();
        assertThat(outbox.claim(mail.id(), Duration.ofMinutes(2))).as("another execution is sending it").isFalse();
        outbox.attemptFailed(mail.id(), "421 try later");
        assertThat(outbox.claim(mail.id(), Duration.ofMillis(1))).as("free again after a failed attempt").isTrue();
        sleep(20);
        assertThat(outbox.claim(mail.id(), Duration.ofMinutes(2))).as("an expired claim (its sender died)").isTrue();
    }

    @Test
    void aSentMailIsTheRequestsMailForEveryLaterAttemptAndIsNotClaimedAgain() {
        long requestId = 8_000_000L + System.nanoTime() % 1_000_000;
        OutboxMail mail = outbox.prepare(requestId, composed);
        assertThat(outbox.claim(mail.id(), Duration.ofMinutes(2))).isTrue();
        outbox.sentNow(mail.id());

        OutboxMail again = outbox.prepare(requestId, composed);
        assertThat(again.id()).isEqualTo(mail.id());
        assertThat(again.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(outbox.claim(mail.id(), Duration.ofMinutes(2))).isFalse();
        assertThat(mails.findById(mail.id()).orElseThrow().attempts()).isEqualTo(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
