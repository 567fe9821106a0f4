package dev.fapiaoflow.verification;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.fapiaoflow.verification.internal.IncomingInvoiceStore;

/**
 * The incoming-invoice ledger (进项发票台账) of the finance staff: a received invoice lands here once the provider
 * confirmed it (typed in, or read from its uploaded file, which is kept); the same invoice submitted again is flagged
 * as a duplicate at once, by the ledger's unique key, on every node.
 */
@Service
public class IncomingInvoices {

    static final int LIST_LIMIT = 500;

    private final ForeignVerificationService foreign;
    private final DocumentVerificationService documents;
    private final IncomingInvoiceStore store;
    private final Clock clock;

    IncomingInvoices(ForeignVerificationService foreign, DocumentVerificationService documents, IncomingInvoiceStore store,
            ObjectProvider<Clock> clock) {
        this.foreign = foreign;
        this.documents = documents;
        this.store = store;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** Checks the typed-in fields (as {@link ForeignVerificationService#check}) and, on a MATCH, registers the invoice. */
    public IncomingRegistration submit(Verifier verifier, String kind, String code, String number, String issueDate,
            String totalAmount, String amountExcludingTax, String checkCode) {
        ForeignCheckAnswer check = foreign.check(verifier, kind, code, number, issueDate, totalAmount, amountExcludingTax, checkCode);
        return register(verifier, check, null, null);
    }

    /**
     * Reads the uploaded file's QR code, checks it through the provider and, on a MATCH, registers it with the file.
     *
     * @throws NoVerificationProvider when no provider is configured
     */
    public IncomingRegistration submitDocument(Verifier verifier, byte[] content) {
        if (!foreign.providerConfigured()) {
            throw new NoVerificationProvider();
        }
        DocumentVerdict verdict = documents.verify(verifier, content);
        if (verdict.check() == null) {
            return new IncomingRegistration(false, false, null, null);
        }
        return register(verifier, verdict.check(), verdict.format(), content);
    }

    public List<IncomingInvoice> list() {
        return store.newestFirst(LIST_LIMIT);
    }

    private IncomingRegistration register(Verifier verifier, ForeignCheckAnswer check, String format, byte[] file) {
        if (check.result() != ForeignCheckAnswer.Result.MATCH || check.invoice() == null) {
            return new IncomingRegistration(false, false, null, check);
        }
        ForeignCheckAnswer.Invoice invoice = check.invoice();
        String key = invoice.code() == null ? invoice.number() : invoice.code() + "-" + invoice.number();
        boolean added = store.insertOrCountSubmission(new IncomingInvoiceStore.NewEntry(key, invoice.kind(), invoice.code(),
                invoice.number(), LocalDate.parse(invoice.issueDate()), invoice.sellerName(), invoice.sellerTaxId(), invoice.totalAmount(),
                check.status(), check.checkedAt(), verifier.userId(), clock.instant(), format, file == null ? null : sha256(file), file));
        return new IncomingRegistration(true, !added, store.find(key).orElseThrow(), check);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
