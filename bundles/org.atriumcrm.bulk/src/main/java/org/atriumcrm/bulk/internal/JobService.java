package org.atriumcrm.bulk.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.ProblemTexts;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs bulk jobs one at a time on one background thread, in the order they were started (two cores, one
 * embedded database: jobs in parallel would only slow each other and everyone's requests). Jobs live in the
 * database, so a restart, or the bulk module being disabled and enabled again, resumes every unfinished job at its
 * last committed batch; a job whose entity's module is disabled waits for it.
 */
@Component(service = JobService.class)
public class JobService implements JobContext {
    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

    private final BulkRepository repo;
    private final EntityStores stores;
    private final org.atriumcrm.api.record.RecordWrites rules;
    private final AccessPolicy policy;
    private final UserDirectory users;
    private final ProblemTexts texts;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "atrium-bulk-jobs");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;
    private static final java.time.Duration UPLOAD_RETENTION = java.time.Duration.ofDays(7);

    @Activate
    public JobService(@Reference BulkRepository repo, @Reference EntityStores stores, @Reference AccessPolicy policy,
            @Reference UserDirectory users, @Reference org.atriumcrm.api.record.RecordWrites rules, @Reference ProblemTexts texts,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + BulkModule.ID + ")") ModuleGate gate) {
        this.texts = texts;
        this.repo = repo;
        this.stores = stores;
        this.policy = policy;
        this.users = users;
        this.rules = rules;
        for (BulkJob job : repo.unfinished()) {
            if (BulkJob.CANCELLING.equals(job.status)) {
                repo.update(job.id, j -> finish(j, BulkJob.CANCELLED, null));
            } else {
                submit(job.id);
            }
        }
        stores.onStoreAdded("jobs", this::resumeWaiting);
        worker.execute(this::expireUploads);
    }

    /** Uploaded files are kept for a week (to import again, e.g. with another mapping), then deleted. */
    private void expireUploads() {
        try {
            for (String id : repo.expireFiles(BulkRepository.now().minus(UPLOAD_RETENTION))) {
                Files.deleteIfExists(directory().resolve(id));
            }
        } catch (Exception e) {
            LOG.warn("could not delete expired uploads in {}", directory(), e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        stores.onStoreAdded("jobs", null);
        worker.shutdown();
        if (!worker.awaitTermination(60, TimeUnit.SECONDS)) {
            worker.shutdownNow(); // a batch still committing is atomic; the job resumes at it next time
        }
    }

    static Path directory() {
        return Paths.get(System.getProperty("karaf.data", "data"), "atrium", "imports");
    }

    void submit(String jobId) {
        if (!stopping) {
            worker.execute(() -> {
                run(jobId);
                expireUploads();
            });
        }
    }

    private void resumeWaiting() {
        for (BulkJob job : repo.unfinished()) {
            if (BulkJob.QUEUED.equals(job.status) && job.message != null && job.message.startsWith("waiting")) {
                repo.update(job.id, j -> j.message = null);
                submit(job.id);
            }
        }
    }

    /** Asks a job to stop: at once when it has not started, after its current batch when it runs. */
    BulkJob cancel(String jobId, Caller caller) {
        BulkJob job = repo.visibleJob(jobId, caller);
        if (job.isFinished()) {
            throw AtriumException.conflict("job-finished", "job " + jobId + " is already " + job.status);
        }
        return repo.update(jobId, j -> {
            if (BulkJob.QUEUED.equals(j.status)) {
                finish(j, BulkJob.CANCELLED, "cancelled by " + caller.loginName() + " before it started");
            } else if (BulkJob.RUNNING.equals(j.status)) {
                j.status = BulkJob.CANCELLING;
                j.message = "cancelled by " + caller.loginName();
            }
        });
    }

    private void run(String jobId) {
        BulkJob job = repo.job(jobId).orElse(null);
        if (job == null || job.isFinished() || stopping) {
            return;
        }
        if (BulkJob.CANCELLING.equals(job.status)) {
            repo.update(jobId, j -> finish(j, BulkJob.CANCELLED, j.message));
            return;
        }
        RecordStore<?> store = stores.byName(job.entity).orElse(null);
        if (store == null) {
            repo.update(jobId, j -> {
                j.status = BulkJob.QUEUED;
                j.message = "waiting for the module of " + j.entity + " to be enabled";
            });
            return;
        }
        BulkJob running = repo.update(jobId, j -> {
            j.status = BulkJob.RUNNING;
            j.message = null;
            if (j.startedAt == null) {
                j.startedAt = BulkRepository.now();
            }
        });
        try {
            execute(running, store);
            if (stopping) {
                return; // left "running": resumed at its last committed batch when the module starts again
            }
            repo.update(jobId, j -> {
                if (BulkJob.CANCELLING.equals(j.status)) {
                    finish(j, BulkJob.CANCELLED, j.message);
                } else if (BulkJob.RUNNING.equals(j.status)) {
                    finish(j, BulkJob.COMPLETED, j.message);
                } // else queued again: waiting for its module
            });
        } catch (AtriumException e) {
            // the job's request no longer holds (a right or field withdrawn, the file unreadable): say why
            LOG.info("bulk job {} stopped: {}", jobId, e.getMessage());
            repo.update(jobId, j -> finish(j, BulkJob.FAILED, e.getMessage()));
        } catch (Exception e) {
            LOG.error("bulk job {} failed", jobId, e);
            repo.update(jobId, j -> finish(j, BulkJob.FAILED, "failed after " + j.processed + " rows: " + e));
        }
    }

    private <T extends Record> void execute(BulkJob job, RecordStore<T> store) throws Exception {
        if (BulkJob.KIND_IMPORT.equals(job.kind)) {
            ImportFile meta = repo.file(job.fileId).orElseThrow(() -> AtriumException.notFound("the uploaded file is gone"));
            Path file = directory().resolve(meta.id);
            if (!Files.exists(file)) {
                throw AtriumException.notFound("the uploaded file " + meta.fileName + " is gone from " + directory());
            }
            new ImportRunner(this, policy, users, stores, rules).run(job, store, file, meta);
        } else {
            new MassRunner(this, policy, rules).run(job, store);
        }
    }

    private static void finish(BulkJob j, String status, String message) {
        j.status = status;
        j.message = message;
        j.finishedAt = BulkRepository.now();
    }

    @Override
    public boolean mayContinue(String jobId) {
        if (stopping || Thread.currentThread().isInterrupted()) {
            return false;
        }
        BulkJob job = repo.job(jobId).orElse(null);
        if (job == null || !BulkJob.RUNNING.equals(job.status)) {
            return false;
        }
        if (stores.byName(job.entity).isEmpty()) {
            // the entity's module was disabled: the job pauses at its last batch and goes on when the module is back
            repo.update(jobId, j -> {
                j.status = BulkJob.QUEUED;
                j.message = "waiting for the module of " + j.entity + " to be enabled";
            });
            return false;
        }
        return true;
    }

    @Override
    public BatchOutcome outcome(BulkJob job) {
        // the language is read per batch: a user who switches it mid-import gets the rest of the report in the new one
        String language = job.userId == null ? null : users.languageOf(job.userId).orElse(null);
        return new BatchOutcome(job.id, texts, texts.language(language));
    }

    @Override
    public void recordBatch(String jobId, long handled, BatchOutcome outcome, String cursorId, long nanos) {
        repo.recordBatch(jobId, j -> {
            j.processed += handled;
            j.created += outcome.created;
            j.updated += outcome.updated;
            j.skipped += outcome.skipped;
            j.failed += outcome.failed;
            j.runMillis += TimeUnit.NANOSECONDS.toMillis(nanos);
            if (cursorId != null) {
                j.cursorId = cursorId;
            }
        }, outcome.errors);
    }
}
