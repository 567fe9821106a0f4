package dev.fapiaoflow.verification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * CheckChunk: one async job per chunk, so each chunk commits its rows and counts in the job's own transaction and
 * any node's job executor may take the next one. A failure is thrown: the engine retries the chunk. When the owner's
 * rate limit stopped the chunk, {@code rateWait} (an ISO-8601 duration) sends the process to wait for it.
 */
@Component("checkBatchChunkDelegate")
class CheckBatchChunkDelegate implements JavaDelegate {

    private final BatchVerificationService batches;

    CheckBatchChunkDelegate(BatchVerificationService batches) {
        this.batches = batches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long batchId = (Long) execution.getVariable(VerificationBatchProcess.Vars.BATCH_ID);
        BatchVerificationService.ChunkDone done = batches.checkNextChunk(batchId);
        execution.setVariable(VerificationBatchProcess.Vars.MORE_ROWS, done.more());
        execution.setVariable(VerificationBatchProcess.Vars.RATE_WAIT, done.rateWait().toString());
    }
}
