package dev.fapiaoflow.issuance.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.issuance.RedLetterReason;
import dev.fapiaoflow.platform.PlatformClient;
import dev.fapiaoflow.platform.PlatformResult;

/**
 * Red-letter and void of an invoice the platform issued go through the platform too: a red-letter confirmation
 * (红字确认单), then the red-flush under our serial {@code FFR<invoiceId>N<n>}, waited for briefly; a repeat (a retried
 * job) finds the serial known and only waits for its answer, so it never files a second red-letter invoice.
 */
@Component
class PlatformCorrections {

    record RedOnPlatform(String number, Instant issuedAt, byte[] pdf, byte[] ofd) {
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final PlatformSubmissionRepository submissions;
    private final PlatformClient platform;
    private final Clock clock;

    PlatformCorrections(PlatformSubmissionRepository submissions, PlatformClient platform, ObjectProvider<Clock> clock) {
        this.submissions = submissions;
        this.platform = platform;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    boolean issuedThere(Invoice invoice) {
        return invoice.id() != null && submissions.existsByInvoiceId(invoice.id());
    }

    RedOnPlatform redFlush(Invoice original, BigDecimal gross, RedLetterReason reason, int redNo) {
        String serial = "FFR" + original.id() + "N" + redNo;
        boolean submitted = platform.knownResult(serial).isPresent() || platform.find(serial).isPresent();
        if (!submitted) {
            String confirmation = platform.redLetterConfirmation(original.number(), gross, reason.code());
            platform.redFlush(serial, original.number(), confirmation);
        }
        PlatformResult result = awaitIssued(serial);
        if (result.totalAmount() == null || result.totalAmount().compareTo(gross.negate()) != 0) {
            throw new IllegalStateException("platform red-letter " + serial + " totals " + result.totalAmount() + ", not -" + gross);
        }
        return new RedOnPlatform(result.invoiceNumber(), result.issuedAt() == null ? clock.instant() : result.issuedAt(),
                platform.download(result.pdfUrl()), result.ofdUrl() == null ? null : platform.download(result.ofdUrl()));
    }

    void voidInvoice(Invoice invoice) {
        platform.voidInvoice(invoice.number());
    }

    private PlatformResult awaitIssued(String serial) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<PlatformResult> known = platform.knownResult(serial).filter(PlatformResult::issued);
            PlatformResult result = known.orElseGet(() -> platform.query(serial));
            if (result.issued()) {
                return result;
            }
            if (result.status() == PlatformResult.Status.FAILED) {
                throw new IllegalStateException("platform failed red-letter " + serial + ": " + result.message());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("platform red-letter " + serial + " not issued within " + WAIT + "; the retry waits again");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
