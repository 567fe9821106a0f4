package dev.fapiaoflow.process;

import static dev.fapiaoflow.verification.VerificationBatchProcess.Elements.ALL_CHECKED;
import static dev.fapiaoflow.verification.VerificationBatchProcess.Elements.BATCH_DONE;
import static dev.fapiaoflow.verification.VerificationBatchProcess.Elements.BATCH_UPLOADED;
import static dev.fapiaoflow.verification.VerificationBatchProcess.Elements.CHECK_CHUNK;
import static dev.fapiaoflow.verification.VerificationBatchProcess.Elements.WAIT_FOR_RATE;
import static dev.fapiaoflow.verification.VerificationBatchProcess.Vars.BATCH_ID;
import static dev.fapiaoflow.verification.VerificationBatchProcess.Vars.MORE_ROWS;
import static dev.fapiaoflow.verification.VerificationBatchProcess.Vars.RATE_WAIT;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

import dev.fapiaoflow.verification.VerificationBatchProcess;

@Deployment(resources = Models.VERIFICATION_BATCH)
class VerificationBatchProcessTest extends SingleTaskProcessTest {

    private static final long BATCH = 815L;

    @Override
    String delegateBean() {
        return "checkBatchChunkDelegate";
    }

    @Test
    void eachChunkIsItsOwnAsyncJobUntilNoRowsAreLeft() {
        AtomicInteger chunksLeft = new AtomicInteger(3);
        delegate.doing(execution -> {
            execution.setVariable(MORE_ROWS, chunksLeft.decrementAndGet() > 0);
            execution.setVariable(RATE_WAIT, "PT0S");
        });
        ProcessInstance batch = start();

        for (int chunk = 1; chunk <= 3; chunk++) {
            assertThat(batch).as("chunk " + chunk).isWaitingAt(CHECK_CHUNK);
            Assertions.assertThat(delegate.timesCalled()).as("not in the uploader's or the last chunk's transaction")
                    .isEqualTo(chunk - 1);
            execute(job(CHECK_CHUNK, batch));
        }

        assertThat(batch).isEnded().hasPassedInOrder(BATCH_UPLOADED, CHECK_CHUNK, ALL_CHECKED, CHECK_CHUNK, ALL_CHECKED,
                CHECK_CHUNK, ALL_CHECKED, BATCH_DONE);
        Assertions.assertThat(delegate.lastSaw(BATCH_ID)).isEqualTo(BATCH);
    }

    @Test
    void aChunkStoppedByTheOwnersRateLimitWaitsAsLongAsItSaysThenGoesOn() {
        AtomicInteger chunks = new AtomicInteger();
        delegate.doing(execution -> {
            boolean first = chunks.incrementAndGet() == 1;
            execution.setVariable(MORE_ROWS, first);
            execution.setVariable(RATE_WAIT, first ? "PT12S" : "PT0S");
        });
        ProcessInstance batch = start();

        execute(job(CHECK_CHUNK, batch));

        assertThat(batch).isWaitingAt(WAIT_FOR_RATE);
        Job timer = job(WAIT_FOR_RATE, batch);
        Assertions.assertThat(timer.getDuedate()).isEqualTo(NOW.toInstant().plus(Duration.ofSeconds(12)));
        execute(timer);
        execute(job(CHECK_CHUNK, batch));
        assertThat(batch).isEnded().hasPassedInOrder(CHECK_CHUNK, ALL_CHECKED, WAIT_FOR_RATE, CHECK_CHUNK, ALL_CHECKED, BATCH_DONE);
    }

    @Test
    void aFailedChunkIsRetriedThirtySecondsLaterAndLosesNothing() {
        delegate.settingVariables(java.util.Map.of(MORE_ROWS, false, RATE_WAIT, "PT0S")).failingTimes(1);
        ProcessInstance batch = start();

        Job first = job(CHECK_CHUNK, batch);
        assertThatThrownBy(() -> execute(first)).hasMessageContaining("simulated outage");

        Job retry = job(CHECK_CHUNK, batch);
        Assertions.assertThat(retry.getRetries()).isEqualTo(4);
        Assertions.assertThat(retry.getDuedate()).isEqualTo(NOW.toInstant().plus(Duration.ofSeconds(30)));
        execute(retry);

        assertThat(batch).isEnded().hasPassed(BATCH_DONE);
    }

    @Test
    void aChunkThatKeepsFailingRaisesAnIncidentAndWaitsForAnOperator() {
        delegate.failingAlways();
        ProcessInstance batch = start();

        for (int attempt = 0; attempt < 5; attempt++) {
            Job next = job(CHECK_CHUNK, batch);
            assertThatThrownBy(() -> execute(next)).hasMessageContaining("simulated outage");
        }

        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(batch.getId()).count()).isEqualTo(1);
        assertThat(batch).isWaitingAt(CHECK_CHUNK);
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(VerificationBatchProcess.KEY, "batch-" + BATCH,
                withVariables(BATCH_ID, BATCH));
    }
}
