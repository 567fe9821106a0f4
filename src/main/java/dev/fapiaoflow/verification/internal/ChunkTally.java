package dev.fapiaoflow.verification.internal;

/** What one chunk of rows came to. LOCKED rows count as errors: they could not be checked today. */
public record ChunkTally(int checked, int matched, int mismatched, int notFound, int errors) {

    public static ChunkTally of(Iterable<BatchRowResult> results) {
        int checked = 0;
        int matched = 0;
        int mismatched = 0;
        int notFound = 0;
        int errors = 0;
        for (BatchRowResult r : results) {
            checked++;
            switch (r.result()) {
                case "MATCH" -> matched++;
                case "MISMATCH" -> mismatched++;
                case "NOT_FOUND" -> notFound++;
                default -> errors++;
            }
        }
        return new ChunkTally(checked, matched, mismatched, notFound, errors);
    }
}
