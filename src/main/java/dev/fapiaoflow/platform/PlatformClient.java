package dev.fapiaoflow.platform;

import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fapiaoflow.platform.internal.NuonuoMessages;

/**
 * The port to the licensed e-invoice service platform that issues the school's fully digital invoices (数电票) with
 * the tax authority. The adapter is {@code internal.NuonuoPlatformClient} (Nuonuo's 诺税通 SaaS open API). A 5xx,
 * timeout or broken connection is thrown as {@link IllegalStateException} for the caller (a job) to retry; a business
 * refusal as {@link PlatformRefused}.
 */
public interface PlatformClient {

    String OK = NuonuoMessages.OK;
    /** "订单编号或流水号不能重复": the serial is known already; the answer to a repeat is a query, never a second invoice */
    String DUPLICATE_SERIAL = NuonuoMessages.DUPLICATE_SERIAL;

    /** what the platform made of an issue or red-flush call */
    enum Submission { ACCEPTED, DUPLICATE }

    /** Asks the platform to issue the invoice; a repeat of a known serial answers {@link Submission#DUPLICATE}. */
    Submission issue(PlatformOrder order);

    /** The platform's current answer for the serial, which is also kept (see {@link #knownResult}). */
    PlatformResult query(String serial);

    /** The platform's answer for the serial, kept as {@link #query} does; empty when the platform never heard of it. */
    Optional<PlatformResult> find(String serial);

    /** What a callback or an earlier query told us about the serial, without asking the platform. */
    Optional<PlatformResult> knownResult(String serial);

    /** Files a red-letter confirmation (红字确认单申请) as the seller; returns its application id (billId). */
    String applyRedLetterConfirmation(RedLetterApplication application);

    /** The state of the red-letter confirmation (红字确认单查询); empty when the platform does not know the id. */
    Optional<RedLetterConfirmation> redLetterConfirmation(String billId);

    /**
     * Asks for the red-letter invoice of a paper blue invoice (数电纸质发票) under {@code redSerial} once its
     * confirmation allows it (发票快捷冲红 {@code fastInvoiceRed}: the platform issues it by itself for electronic blue
     * invoices only); a repeat of a known serial answers {@link Submission#DUPLICATE}.
     */
    Submission issueRedOfPaper(String redSerial, RedLetterApplication application, RedLetterConfirmation confirmation);

    /** Withdraws a red-letter confirmation we filed that is not used yet (红字确认单撤销). */
    void cancelRedLetterConfirmation(String billId);

    /** A document the platform links to (PDF or OFD). */
    byte[] download(String url);

    Duration pollInterval();

    Duration giveUpAfter();

    int maxDailyAttempts();

    /** One result in the platform's own shape (an item of a query answer), as the callback endpoint receives it too. */
    static PlatformResult resultOf(JsonNode item) {
        return NuonuoMessages.resultOf(item);
    }
}
