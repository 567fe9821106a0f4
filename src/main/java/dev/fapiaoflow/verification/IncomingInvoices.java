package dev.fapiaoflow.verification;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.verification.internal.ForeignCheckStore;
import dev.fapiaoflow.verification.internal.IncomingInvoiceStore;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.Texts;
import dev.fapiaoflow.verification.internal.InvoiceQrReader;

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
    private final ForeignCheckStore checks;
    private final InvoiceQrReader qrCodes;
    private final ObjectMapper json;
    private final Clock clock;

    IncomingInvoices(ForeignVerificationService foreign, DocumentVerificationService documents, IncomingInvoiceStore store,
            ForeignCheckStore checks, InvoiceQrReader qrCodes, ObjectMapper json, ObjectProvider<Clock> clock) {
        this.qrCodes = qrCodes;
        this.foreign = foreign;
        this.documents = documents;
        this.store = store;
        this.checks = checks;
        this.json = json;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** A kept file of a ledger entry: {@code format} PDF or OFD. */
    public record StoredFile(String format, byte[] content) {
    }

    /** Checks the typed-in fields (as {@link ForeignVerificationService#check}) and, on a MATCH, registers the invoice. */
    public IncomingRegistration submit(Verifier verifier, String kind, String code, String number, String issueDate,
            String totalAmount, String amountExcludingTax, String checkCode) {
        ForeignCheckAnswer check = foreign.check(verifier, kind, code, number, issueDate, totalAmount, amountExcludingTax, checkCode);
        return register(verifier, check, checkCode, null, null);
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
        return register(verifier, verdict.check(), verdict.invoice() == null ? null : verdict.invoice().checkCode(), verdict.format(),
                content);
    }

    public List<IncomingInvoice> list() {
        return store.newestFirst(LIST_LIMIT);
    }

    /**
     * A page of the ledger, newest first: {@code query} matches the number, the code, the seller's name or tax ID
     * (part of it), {@code status} one status; either may be null. One more than {@code size} is asked, so the caller
     * knows whether a next page exists.
     */
    public List<IncomingInvoice> search(String query, ForeignInvoiceStatus status, int page, int size) {
        return store.search(query == null || query.isBlank() ? null : query.strip(), status, page * size, size + 1);
    }

    /**
     * What the uploaded file's standard invoice QR code says, for the person to confirm before the check: nothing is
     * checked or kept yet. Empty when the file has no readable code.
     *
     * @throws dev.fapiaoflow.shared.InvalidInputException {@code file} when it is neither a PDF nor an OFD file
     */
    public Optional<DocumentVerdict.Invoice> readQrCode(byte[] content) {
        String format = DocumentVerificationService.formatOf(content);
        return qrCodes.read(format, content).map(qr -> new DocumentVerdict.Invoice(qr.number(), qr.issueDate(), qr.amount(), null,
                qr.code(), qr.kind(), qr.checkCode()));
    }

    /**
     * The fields the person confirmed (read from the file's QR code, perhaps corrected), checked as
     * {@link #submit}; on a MATCH the invoice is registered with the file.
     *
     * @throws InvalidInputException (field {@code file}) when the file's QR code names another invoice: the file comes
     *         back from the browser between reading and confirming, so it is read again before it is kept as evidence
     */
    public IncomingRegistration submitConfirmed(Verifier verifier, String kind, String code, String number, String issueDate,
            String totalAmount, String amountExcludingTax, String checkCode, byte[] file) {
        if (file != null && !readQrCode(file).map(qr -> qr.number().equals(number)).orElse(false)) {
            throw new InvalidInputException("file", Texts.of("incoming.fileOfAnotherInvoice"));
        }
        ForeignCheckAnswer check = foreign.check(verifier, kind, code, number, issueDate, totalAmount, amountExcludingTax, checkCode);
        return register(verifier, check, checkCode, file == null ? null : DocumentVerificationService.formatOf(file), file);
    }

    /**
     * The entry with its status history and the provider's raw answer of its latest check, pretty-printed for audit.
     *
     * @throws NotFoundException when there is no such entry
     */
    public IncomingInvoiceDetail detail(long id) {
        IncomingInvoice entry = store.find(id).orElseThrow(() -> new NotFoundException("incoming-invoice", id));
        List<IncomingInvoiceDetail.Event> history = store.history(id).stream().map(e -> new IncomingInvoiceDetail.Event(e.at(), e.event(),
                e.status(), e.previousStatus(), e.decision(), e.note(), e.actor())).toList();
        String key = entry.code() == null ? entry.number() : entry.code() + "-" + entry.number();
        return new IncomingInvoiceDetail(entry, history, checks.latestRaw(key).map(this::pretty).orElse(null));
    }

    /** The file uploaded with the entry, when there was one. */
    public Optional<StoredFile> file(long id) {
        return store.file(id).map(f -> new StoredFile(f.format(), f.content()));
    }

    private String pretty(String raw) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(raw));
        } catch (JsonProcessingException e) {
            return raw;
        }
    }

    /** The check code is kept (sealed) for the re-check of an old ordinary invoice: its last six digits, as the rules ask. */
    private IncomingRegistration register(Verifier verifier, ForeignCheckAnswer check, String checkCode, String format, byte[] file) {
        if (check.result() != ForeignCheckAnswer.Result.MATCH || check.invoice() == null) {
            return new IncomingRegistration(false, false, null, check);
        }
        ForeignCheckAnswer.Invoice invoice = check.invoice();
        String key = invoice.code() == null ? invoice.number() : invoice.code() + "-" + invoice.number();
        boolean added = store.insertOrCountSubmission(new IncomingInvoiceStore.NewEntry(key, invoice.kind(), invoice.code(),
                invoice.number(), LocalDate.parse(invoice.issueDate()), invoice.sellerName(), invoice.sellerTaxId(), invoice.totalAmount(),
                invoice.amountExcludingTax(), lastSix(checkCode), check.status(), check.checkedAt(), verifier.userId(), clock.instant(),
                format, file == null ? null : sha256(file), file));
        return new IncomingRegistration(true, !added, store.find(key).orElseThrow(), check);
    }

    private static String lastSix(String checkCode) {
        if (checkCode == null || checkCode.isBlank()) {
            return null;
        }
        String digits = checkCode.strip();
        return digits.length() > 6 ? digits.substring(digits.length() - 6) : digits;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
