package dev.fapiaoflow.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.verification.internal.BuyerNameMask;
import dev.fapiaoflow.verification.internal.ClientRateLimiter;
import dev.fapiaoflow.verification.internal.ForeignCheckProperties;
import dev.fapiaoflow.verification.internal.ForeignCheckStore;
import dev.fapiaoflow.verification.internal.ForeignInvoiceQuery;
import dev.fapiaoflow.verification.internal.InvoiceVerificationProvider;
import dev.fapiaoflow.verification.internal.ProviderCheckQuota;

/**
 * Checks an invoice we did not issue through the configured provider. The order matters: the caller's rate limit;
 * our record of the same facts within the reuse window (answered from it, costing no national check); the national
 * daily limit per invoice, taken in the shared database; only then the provider. Every answer is recorded with the
 * provider's raw answer, sealed.
 */
@Service
@EnableConfigurationProperties(ForeignCheckProperties.class)
public class ForeignVerificationService {

    private static final Logger log = LoggerFactory.getLogger(ForeignVerificationService.class);

    private final ObjectProvider<InvoiceVerificationProvider> provider;
    private final ClientRateLimiter rateLimiter;
    private final ProviderCheckQuota quota;
    private final ForeignCheckStore store;
    private final ForeignCheckProperties properties;
    private final Clock clock;

    ForeignVerificationService(ObjectProvider<InvoiceVerificationProvider> provider, ClientRateLimiter rateLimiter,
            ProviderCheckQuota quota, ForeignCheckStore store, ForeignCheckProperties properties, ObjectProvider<Clock> clock) {
        this.provider = provider;
        this.rateLimiter = rateLimiter;
        this.quota = quota;
        this.store = store;
        this.properties = properties;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    public boolean providerConfigured() {
        return provider.getIfAvailable() != null;
    }

    /** Today in China, the day the national rules count in. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), TimeConfig.CHINA);
    }

    /**
     * Parses the fields as the national rules ask for the invoice's kind and checks it.
     *
     * @throws NoVerificationProvider when no provider is configured
     * @throws dev.fapiaoflow.shared.InvalidInputException for fields that break the rules of the kind
     * @throws VerificationRefused RATE_LIMITED when the caller is over its rate limit; DAILY_LIMIT when today's national
     *         checks of the invoice are used up; PROVIDER_UNAVAILABLE while the provider is away
     */
    public ForeignCheckAnswer check(Verifier verifier, String kind, String code, String number, String issueDate,
            String totalAmount, String amountExcludingTax, String checkCode) {
        InvoiceVerificationProvider configured = requireProvider();
        rateLimiter.acquire(verifier);
        ForeignInvoiceQuery query = ForeignInvoiceQuery.parse(kind, code, number, issueDate, totalAmount, amountExcludingTax, checkCode,
                today());
        return mask(verifier, check(verifier, configured, query));
    }

    /**
     * A batch row that is none of our invoices, as a 数电 invoice (number, date, 价税合计): the row took from its owner's
     * rate limit already.
     *
     * @throws dev.fapiaoflow.shared.InvalidInputException for fields the national rules do not take
     * @throws VerificationRefused DAILY_LIMIT or PROVIDER_UNAVAILABLE
     */
    ForeignCheckAnswer checkBatchRow(Verifier verifier, String number, String issueDate, String totalAmount) {
        ForeignInvoiceQuery query = ForeignInvoiceQuery.parse(null, null, number, issueDate, totalAmount, null, null, today());
        return mask(verifier, check(verifier, requireProvider(), query));
    }

    /** For a file's QR code: the caller's rate limit was taken by the upload already. */
    Optional<ForeignCheckAnswer> checkQuietly(Verifier verifier, ForeignInvoiceQuery query) {
        InvoiceVerificationProvider configured = provider.getIfAvailable();
        if (configured == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mask(verifier, check(verifier, configured, query)));
        } catch (VerificationRefused | dev.fapiaoflow.shared.InvalidInputException e) {
            log.info("A foreign invoice read from an uploaded file was not checked: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The scheduled re-check of a ledger entry ({@link IncomingRecheck}): no caller's rate limit (the model's batch size
     * bounds how many run), but our record, the national daily limit and the provider as for every check.
     *
     * @throws NoVerificationProvider when no provider is configured
     * @throws VerificationRefused DAILY_LIMIT when today's national checks of the invoice are used up, PROVIDER_UNAVAILABLE
     *         while the provider is away
     */
    ForeignCheckAnswer recheck(ForeignInvoiceQuery query) {
        return check(RECHECK, requireProvider(), query);
    }

    /** who re-checks the ledger, in the record of checks */
    static final Verifier RECHECK = new Verifier("system:incoming-recheck", null, true);

    private ForeignCheckAnswer check(Verifier verifier, InvoiceVerificationProvider configured, ForeignInvoiceQuery query) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, TimeConfig.CHINA);
        ForeignCheckStore.Asked asked = new ForeignCheckStore.Asked(verifier.clientId(), verifier.userId(), query.invoiceKey(),
                fingerprint(configured.name(), query));
        Optional<ForeignCheckAnswer> recent = store.latestFetched(asked.fingerprint(), now.minus(properties.reuseWithin()));
        if (recent.isPresent()) {
            ForeignCheckAnswer replayed = recent.get().replayed();
            store.record(asked, now, day, replayed, null);
            return replayed;
        }
        if (!quota.take(query.invoiceKey(), day, properties.checksPerInvoicePerDay())) {
            throw new VerificationRefused(VerificationRefused.Reason.DAILY_LIMIT, secondsUntilMidnight(now, day),
                    "the national limit of " + properties.checksPerInvoicePerDay() + " checks of invoice " + query.invoiceKey()
                            + " today is used up");
        }
        InvoiceVerificationProvider.Checked checked;
        try {
            checked = configured.check(query);
        } catch (InvoiceVerificationProvider.ProviderLimitReached e) {
            throw new VerificationRefused(VerificationRefused.Reason.DAILY_LIMIT, secondsUntilMidnight(now, day), e.getMessage());
        } catch (InvoiceVerificationProvider.ProviderUnavailable e) {
            log.warn("Verification provider {} failed: {}", configured.name(), e.getMessage());
            throw new VerificationRefused(VerificationRefused.Reason.PROVIDER_UNAVAILABLE, 60, e.getMessage());
        }
        store.record(asked, now, day, checked.answer(), checked.raw());
        return checked.answer();
    }

    private InvoiceVerificationProvider requireProvider() {
        InvoiceVerificationProvider configured = provider.getIfAvailable();
        if (configured == null) {
            throw new NoVerificationProvider();
        }
        return configured;
    }

    /** The buyer's name is shown whole to the back office only, as for our own invoices. */
    private static ForeignCheckAnswer mask(Verifier verifier, ForeignCheckAnswer answer) {
        if (answer.invoice() == null || verifier.backOffice() || answer.invoice().buyerName() == null) {
            return answer;
        }
        ForeignCheckAnswer.Invoice i = answer.invoice();
        return new ForeignCheckAnswer(answer.provider(), answer.result(), answer.status(), answer.checkedAt(), answer.fromRecord(),
                new ForeignCheckAnswer.Invoice(i.kind(), i.code(), i.number(), i.issueDate(), i.sellerName(), i.sellerTaxId(),
                        BuyerNameMask.mask(i.buyerTaxId() == null || i.buyerTaxId().isBlank()
                                ? BuyerType.PERSONAL : BuyerType.ENTERPRISE, i.buyerName()), null, i.amountExcludingTax(), i.taxAmount(), i.totalAmount(), i.items()));
    }

    static String fingerprint(String provider, ForeignInvoiceQuery query) {
        String facts = String.join("|", provider, query.kind(), Objects.toString(query.code(), ""), query.number(),
                query.issueDate().toString(), query.amount() == null ? "" : query.amount().toPlainString(),
                Objects.toString(query.checkCode(), ""));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(facts.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static long secondsUntilMidnight(Instant now, LocalDate today) {
        return Duration.between(now, today.plusDays(1).atStartOfDay(TimeConfig.CHINA).toInstant()).toSeconds() + 1;
    }
}
