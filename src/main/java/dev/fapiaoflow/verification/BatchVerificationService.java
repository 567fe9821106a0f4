package dev.fapiaoflow.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.upload.UploadLimits;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.verification.internal.BatchJob;
import dev.fapiaoflow.verification.internal.BatchJobRepository;
import dev.fapiaoflow.verification.internal.BatchRowResult;
import dev.fapiaoflow.verification.internal.BatchRowStore;
import dev.fapiaoflow.verification.internal.BatchUploads;
import dev.fapiaoflow.verification.internal.CheckInput;
import dev.fapiaoflow.verification.internal.ChunkTally;
import dev.fapiaoflow.verification.internal.ClientRateLimiter;
import dev.fapiaoflow.verification.internal.ResultCsv;
import dev.fapiaoflow.verification.internal.UploadRefused;
import dev.fapiaoflow.verification.internal.UploadedRow;
import dev.fapiaoflow.verification.internal.VerificationProperties;
import dev.fapiaoflow.shared.Texts;

/**
 * Batch verification: an upload is parsed at once (a bad file is refused whole), stored with its rows, and
 * checked in chunks by the {@code verification-batch} process. Each row is a check by the batch's owner: it takes
 * from the owner's rate limit and goes through the same lock, lookup, matching and history record as a single check,
 * so a batch neither gets round the owner's rate nor locks numbers for anyone but its owner. When the owner's rate is
 * spent, the chunk stops and the process waits until it refills.
 */
@Service
public class BatchVerificationService {

    static final String LOCKED = "LOCKED";
    private static final int CLEAR_EVERY = 50;

    private final VerificationService verifications;
    private final ForeignVerificationService foreign;
    private final ClientRateLimiter rateLimiter;
    private final BatchJobRepository jobs;
    private final BatchRowStore rows;
    private final RuntimeService runtime;
    private final VerificationProperties.Batch limits;
    private final UploadLimits uploadLimits;
    private final TransactionTemplate transaction;
    private final Clock clock;
    @PersistenceContext
    private EntityManager entityManager;

    BatchVerificationService(VerificationService verifications, ForeignVerificationService foreign, ClientRateLimiter rateLimiter, BatchJobRepository jobs,
            BatchRowStore rows, RuntimeService runtime, VerificationProperties properties, UploadLimits uploadLimits,
            PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
        this.foreign = foreign;
        this.verifications = verifications;
        this.rateLimiter = rateLimiter;
        this.jobs = jobs;
        this.rows = rows;
        this.runtime = runtime;
        this.limits = properties.batch();
        this.uploadLimits = uploadLimits;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /**
     * Reads the upload outside any transaction, then stores job and rows and queues the process in one.
     *
     * @throws UploadRefused when the file is too large or cannot be read as a batch
     * @throws dev.fapiaoflow.shared.upload.UploadRejected when an XLSX passes the zip limits or declares a DTD
     */
    public long submit(String owner, long size, InputStream upload) {
        if (size > limits.maxFileSize().toBytes()) {
            throw UploadRefused.tooLarge(Texts.of("upload.tooLarge", limits.maxFileSize().toMegabytes()));
        }
        List<UploadedRow> parsed = parse(upload);
        if (parsed.isEmpty()) {
            throw UploadRefused.invalid(Texts.of("upload.noRows"));
        }
        return transaction.execute(status -> {
            BatchJob job = jobs.save(new BatchJob(owner, parsed.size(), clock.instant()));
            rows.insert(job.id(), parsed);
            String processInstance = runtime.startProcessInstanceByKey(VerificationBatchProcess.KEY, "batch-" + job.id(),
                    Map.of(VerificationBatchProcess.Vars.BATCH_ID, job.id())).getId();
            job.queuedAs(processInstance);
            return job.id();
        });
    }

    /** @throws NotFoundException unless the batch exists and is the caller's */
    @Transactional(readOnly = true)
    public BatchProgress progress(String owner, long batchId) {
        BatchJob job = owned(owner, batchId);
        boolean incident = job.processInstanceId() != null
                && runtime.createIncidentQuery().processInstanceId(job.processInstanceId()).count() > 0;
        return job.progress(incident);
    }

    /** Writes the result file; ownership is checked first, before anything is written. */
    public Runnable resultWriter(String owner, long batchId, OutputStream out) {
        transaction.executeWithoutResult(status -> owned(owner, batchId));
        return () -> {
            try (ResultCsv csv = new ResultCsv(out)) {
                rows.forEach(batchId, csv::write);
            }
        };
    }

    /** What a chunk left: rows still to check, and how long the owner's rate wants the next chunk to wait. */
    record ChunkDone(boolean more, Duration rateWait) {
    }

    /** Checks the next chunk of rows in the caller's (the job's) transaction, as far as the owner's rate allows. */
    @Transactional
    public ChunkDone checkNextChunk(long batchId) {
        Verifier verifier = Verifier.user(job(batchId).owner());
        List<UploadedRow> chunk = rows.unchecked(batchId, limits.chunkSize());
        List<BatchRowResult> results = new ArrayList<>(chunk.size());
        long waitSeconds = 0;
        for (UploadedRow row : chunk) {
            waitSeconds = rateLimiter.tryAcquire(verifier);
            if (waitSeconds > 0) {
                break;
            }
            results.add(check(verifier, row));
            if (results.size() % CLEAR_EVERY == 0) {
                // every check saves a record and reads an invoice; left in the persistence context, each query's
                // auto-flush would dirty-check them all, and a chunk would slow down quadratically
                entityManager.flush();
                entityManager.clear();
            }
        }
        rows.saveResults(batchId, results);
        BatchJob job = job(batchId);
        if (!results.isEmpty()) {
            job.count(ChunkTally.of(results));
        }
        boolean more = waitSeconds > 0 || chunk.size() == limits.chunkSize();
        if (!more) {
            job.finish(clock.instant());
        }
        return new ChunkDone(more, Duration.ofSeconds(waitSeconds));
    }

    private BatchRowResult check(Verifier verifier, UploadedRow row) {
        try {
            VerificationService.Outcome outcome = verifications.check(verifier,
                    CheckInput.parse(row.number(), row.issueDate(), row.totalAmount()));
            if (outcome.result() == VerificationResult.NOT_FOUND) {
                return notOurs(verifier, row);
            }
            return new BatchRowResult(row.line(), outcome.result().name(),
                    outcome.status() == null ? null : outcome.status().name(), null);
        } catch (InvalidInputException e) {
            String reasons = e.errors().stream().map(FieldError::message).collect(Collectors.joining("；"));
            return new BatchRowResult(row.line(), BatchRowResult.ERROR, null, reasons);
        } catch (VerificationRefused e) {
            return new BatchRowResult(row.line(), LOCKED, null, Texts.of("verify.locked.row"));
        }
    }

    /**
     * A row that is none of our invoices: through the verification provider when one is configured (the national daily
     * limit per invoice holds; the row already took from the owner's rate limit), else it says that only our own
     * invoices can be checked.
     */
    private BatchRowResult notOurs(Verifier verifier, UploadedRow row) {
        if (!foreign.providerConfigured()) {
            return new BatchRowResult(row.line(), VerificationResult.NOT_FOUND.name(), null, Texts.of("verify.batch.onlyOurs"));
        }
        try {
            ForeignCheckAnswer answer = foreign.checkBatchRow(verifier, row.number(), row.issueDate(), row.totalAmount());
            return new BatchRowResult(row.line(), answer.result().name(), answer.status() == null ? null : answer.status().name(),
                    Texts.of("verify.batch.byProvider", answer.provider()));
        } catch (InvalidInputException e) {
            // a number our check took but the national rules do not (not a 数电 number): our answer stands
            return new BatchRowResult(row.line(), VerificationResult.NOT_FOUND.name(), null, null);
        } catch (VerificationRefused e) {
            return e.reason() == VerificationRefused.Reason.DAILY_LIMIT
                    ? new BatchRowResult(row.line(), LOCKED, null, Texts.of("verify.batch.providerLimit"))
                    : new BatchRowResult(row.line(), BatchRowResult.ERROR, null, Texts.of("verify.batch.providerUnavailable"));
        }
    }

    private BatchJob job(long batchId) {
        return jobs.findById(batchId).orElseThrow(() -> new IllegalStateException("no batch " + batchId));
    }

    private BatchJob owned(String owner, long batchId) {
        // someone else's batch answers exactly like a missing one, so ids reveal nothing
        return jobs.findById(batchId).filter(job -> job.ownedBy(owner))
                .orElseThrow(() -> new NotFoundException("batch", batchId));
    }

    private List<UploadedRow> parse(InputStream upload) {
        Path file = null;
        try {
            file = Files.createTempFile("verification-batch-", ".upload");
            Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
            return BatchUploads.parse(file, limits.maxRows(), uploadLimits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is removed with the temp dir; never worth failing the upload
            }
        }
    }
}
