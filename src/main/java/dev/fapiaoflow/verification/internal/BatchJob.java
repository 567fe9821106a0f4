package dev.fapiaoflow.verification.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fapiaoflow.verification.BatchProgress;

/** One uploaded batch and its running counts; the rows live in {@code verification_batch_row}. */
@Entity
@Table(name = "verification_batch")
public class BatchJob {

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String owner;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int total;
    private int done;
    private int matched;
    private int mismatched;
    private int notFound;
    private int errors;
    private String processInstanceId;
    private Instant createdAt;
    private Instant finishedAt;
    @Version
    private long version;

    protected BatchJob() {
    }

    public BatchJob(String owner, int total, Instant createdAt) {
        this.owner = owner;
        this.total = total;
        this.createdAt = createdAt;
        this.status = Status.QUEUED;
    }

    public void queuedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Adds one chunk's counts; a finished batch takes no more. */
    public void count(ChunkTally tally) {
        if (status == Status.DONE) {
            throw new IllegalStateException("batch " + id + " is already done");
        }
        status = Status.RUNNING;
        done += tally.checked();
        matched += tally.matched();
        mismatched += tally.mismatched();
        notFound += tally.notFound();
        errors += tally.errors();
    }

    public void finish(Instant at) {
        status = Status.DONE;
        finishedAt = at;
    }

    public boolean ownedBy(String userId) {
        return owner.equals(userId);
    }

    /** {@code engineGaveUp}: the chunk job ran out of retries (an incident), so the batch is FAILED until retried. */
    public BatchProgress progress(boolean engineGaveUp) {
        String shown = engineGaveUp && status != Status.DONE ? Status.FAILED.name() : status.name();
        return new BatchProgress(shown, total, done, matched, mismatched, notFound, errors);
    }

    public Long id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public String processInstanceId() {
        return processInstanceId;
    }
}
