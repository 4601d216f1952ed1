package org.atriumcrm.bulk.internal;

/** What a running job needs from the job service between batches. */
interface JobContext {
    /** False when the job was cancelled or the platform is stopping: the runner returns after its current batch. */
    boolean mayContinue(String jobId);

    /** Commits a batch's progress (rows or records handled, counts, error lines, where to go on) and its run time. */
    void recordBatch(String jobId, long handled, BatchOutcome outcome, String cursorId, long nanos);

    /** An empty batch of {@code job}, whose report lines read in the language of the user who started it. */
    BatchOutcome outcome(BulkJob job);
}
