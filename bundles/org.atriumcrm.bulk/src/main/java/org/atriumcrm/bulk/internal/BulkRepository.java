package org.atriumcrm.bulk.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.RecordIds;
import org.atriumcrm.persistence.api.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The bulk module's own tables: jobs, their error reports, uploaded files and saved mappings. */
@Component(service = BulkRepository.class)
public class BulkRepository {
    /** Error lines kept per job; beyond that they are counted, not stored (a broken file must not fill the disk). */
    static final int MAX_ERRORS_PER_JOB = 100_000;

    private final JpaTemplate jpa;

    @Activate
    public BulkRepository(@Reference(target = "(osgi.unit.name=atrium.bulk)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    <R> R tx(EmFunction<R> work) {
        return Transactions.required(jpa, work);
    }

    /**
     * A job row is written by its runner (progress) and by whoever cancels it: the {@code @Version} column turns a
     * collision into an optimistic-lock failure, and the change is simply applied again on the fresh row.
     */
    private <R> R retried(EmFunction<R> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return tx(work);
            } catch (RuntimeException e) {
                boolean lost = false;
                for (Throwable t = e; t != null; t = t.getCause()) {
                    lost |= t.getClass().getName().endsWith("OptimisticLockException");
                }
                if (!lost || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    BulkJob newJob(String kind, String entity, Caller caller, String spec, String fileId, long total) {
        BulkJob job = new BulkJob();
        job.id = RecordIds.next();
        job.kind = kind;
        job.entity = entity;
        job.status = BulkJob.QUEUED;
        job.userId = caller.userId();
        job.loginName = caller.loginName();
        job.administrator = caller.administrator();
        job.spec = spec;
        job.fileId = fileId;
        job.total = total;
        job.createdAt = now();
        return tx(em -> {
            em.persist(job);
            return job;
        });
    }

    Optional<BulkJob> job(String id) {
        return RecordIds.isValid(id) ? Optional.ofNullable(tx(em -> em.find(BulkJob.class, id))) : Optional.empty();
    }

    /** A job its caller may see: their own, or any for an administrator; 404 otherwise (no existence oracle). */
    BulkJob visibleJob(String id, Caller caller) {
        return job(id).filter(j -> caller.administrator() || j.userId.equals(caller.userId()))
                .orElseThrow(() -> AtriumException.notFound("no job with id " + id).localized("record-not-found", "job", id));
    }

    List<BulkJob> jobs(Caller caller, int limit) {
        return tx(em -> (caller.administrator()
                ? em.createQuery("SELECT j FROM BulkJob j ORDER BY j.createdAt DESC, j.id DESC", BulkJob.class)
                : em.createQuery("SELECT j FROM BulkJob j WHERE j.userId = :u ORDER BY j.createdAt DESC, j.id DESC", BulkJob.class)
                        .setParameter("u", caller.userId()))
                .setMaxResults(limit).getResultList());
    }

    List<BulkJob> unfinished() {
        return tx(em -> em.createQuery("SELECT j FROM BulkJob j WHERE j.status IN :s ORDER BY j.createdAt, j.id", BulkJob.class)
                .setParameter("s", List.of(BulkJob.QUEUED, BulkJob.RUNNING, BulkJob.CANCELLING)).getResultList());
    }

    /** Applies {@code change} to the stored job in its own transaction and returns the result. */
    BulkJob update(String id, Consumer<BulkJob> change) {
        return retried(em -> {
            BulkJob job = em.find(BulkJob.class, id);
            if (job == null) {
                throw AtriumException.notFound("no job with id " + id).localized("record-not-found", "job", id);
            }
            change.accept(job);
            return job;
        });
    }

    /**
     * The progress of one batch and its error lines, in one transaction: a job's figures and its report never
     * disagree.
     */
    BulkJob recordBatch(String id, Consumer<BulkJob> change, List<BulkJobError> errors) {
        return retried(em -> {
            BulkJob job = em.find(BulkJob.class, id);
            long stored = job.failed;
            change.accept(job);
            for (BulkJobError e : errors) {
                if (stored++ < MAX_ERRORS_PER_JOB) {
                    em.persist(e);
                }
            }
            return job;
        });
    }

    /** The error lines of a job in row order, page by page (the report is streamed). */
    List<BulkJobError> errors(String jobId, long afterRow, String afterId, int limit) {
        return tx(em -> em.createQuery("SELECT e FROM BulkJobError e WHERE e.jobId = :j AND (e.rowNumber > :r"
                + " OR (e.rowNumber = :r AND e.id > :i)) ORDER BY e.rowNumber, e.id", BulkJobError.class)
                .setParameter("j", jobId).setParameter("r", afterRow).setParameter("i", afterId)
                .setMaxResults(limit).getResultList());
    }

    ImportFile saveFile(ImportFile file) {
        return tx(em -> {
            em.persist(file);
            return file;
        });
    }

    ImportFile file(String id, Caller caller) {
        ImportFile f = RecordIds.isValid(id) ? tx(em -> em.find(ImportFile.class, id)) : null;
        if (f == null || !(f.userId.equals(caller.userId()) || caller.administrator())) {
            throw AtriumException.notFound("no uploaded file with id " + id);
        }
        return f;
    }

    Optional<ImportFile> file(String id) {
        return Optional.ofNullable(tx(em -> em.find(ImportFile.class, id)));
    }

    /**
     * Uploaded files older than {@code before} that no unfinished job still reads: their rows (the caller gets 404
     * for them) — the bytes are deleted by the caller.
     */
    List<String> expireFiles(Instant before) {
        return tx(em -> {
            List<String> ids = em.createQuery("SELECT f.id FROM ImportFile f WHERE f.createdAt < :b AND NOT EXISTS"
                    + " (SELECT j.id FROM BulkJob j WHERE j.fileId = f.id AND j.status IN :s)", String.class)
                    .setParameter("b", before)
                    .setParameter("s", List.of(BulkJob.QUEUED, BulkJob.RUNNING, BulkJob.CANCELLING)).getResultList();
            if (!ids.isEmpty()) {
                em.createQuery("DELETE FROM ImportFile f WHERE f.id IN :ids").setParameter("ids", ids).executeUpdate();
            }
            return ids;
        });
    }

    List<ImportMapping> mappings(Caller caller, String entity) {
        return tx(em -> em.createQuery("SELECT m FROM ImportMapping m WHERE m.userId = :u AND (:e IS NULL OR m.entity = :e)"
                + " ORDER BY m.entity, m.name", ImportMapping.class).setParameter("u", caller.userId())
                .setParameter("e", entity).getResultList());
    }

    ImportMapping mapping(String id, Caller caller) {
        ImportMapping m = RecordIds.isValid(id) ? tx(em -> em.find(ImportMapping.class, id)) : null;
        if (m == null || !m.userId.equals(caller.userId())) {
            throw AtriumException.notFound("no saved import mapping with id " + id);
        }
        return m;
    }

    /** Saves a mapping under its name, replacing the caller's mapping of that name for the entity. */
    ImportMapping saveMapping(Caller caller, String entity, String name, String spec) {
        return tx(em -> {
            List<ImportMapping> same = em.createQuery("SELECT m FROM ImportMapping m WHERE m.userId = :u AND m.entity = :e"
                    + " AND m.name = :n", ImportMapping.class).setParameter("u", caller.userId()).setParameter("e", entity)
                    .setParameter("n", name).getResultList();
            ImportMapping m = same.isEmpty() ? new ImportMapping() : same.get(0);
            if (m.id == null) {
                m.id = RecordIds.next();
                m.userId = caller.userId();
                m.entity = entity;
                m.name = name;
                m.createdAt = now();
                m.spec = spec;
                em.persist(m);
            } else {
                m.spec = spec;
            }
            return m;
        });
    }

    void deleteMapping(String id, Caller caller) {
        mapping(id, caller);
        tx(em -> em.createQuery("DELETE FROM ImportMapping m WHERE m.id = :i").setParameter("i", id).executeUpdate());
    }
}
