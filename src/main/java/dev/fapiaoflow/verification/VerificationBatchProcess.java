package dev.fapiaoflow.verification;

/** Names shared by {@code bpmn/verification-batch.bpmn}, its delegate and its tests. */
public final class VerificationBatchProcess {

    public static final String KEY = "verification-batch";

    public static final class Vars {
        public static final String BATCH_ID = "batchId";
        /** set by each chunk: false once every row is checked */
        public static final String MORE_ROWS = "moreRows";
        /** set by each chunk: how long the owner's rate limit wants the next chunk to wait (ISO-8601, PT0S for not) */
        public static final String RATE_WAIT = "rateWait";

        private Vars() {
        }
    }

    public static final class Elements {
        public static final String BATCH_UPLOADED = "BatchUploaded";
        public static final String CHECK_CHUNK = "CheckChunk";
        public static final String ALL_CHECKED = "AllRowsChecked";
        public static final String WAIT_FOR_RATE = "WaitForRate";
        public static final String BATCH_DONE = "BatchDone";

        private Elements() {
        }
    }

    private VerificationBatchProcess() {
    }
}
