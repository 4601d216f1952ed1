package org.atriumcrm.bulk.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Version;

import org.atriumcrm.persistence.api.InstantConverter;

/**
 * A background job over many records (an import, a mass update, transfer or delete): what it was asked to do, by
 * whom, and how far it got. {@code processed} counts input rows (import) or records (mass operations) whose batch
 * has committed, so a restarted job resumes there. The job row is also the audit record of a mass operation.
 */
@Entity(name = "BulkJob")
@Table(name = "ATRIUM_BULK_JOB", indexes = {
        @Index(name = "IX_BULK_JOB_USER", columnList = "USER_ID,CREATED_AT"),
        @Index(name = "IX_BULK_JOB_STATUS", columnList = "STATUS")})
public class BulkJob {
    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String CANCELLING = "cancelling";
    static final String CANCELLED = "cancelled";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";
    static final String KIND_IMPORT = "import";
    static final String KIND_UPDATE = "mass-update";
    static final String KIND_TRANSFER = "mass-transfer";
    static final String KIND_DELETE = "mass-delete";

    @Id
    @Column(name = "ID", length = 36)
    String id;
    /** import, mass-update, mass-transfer, mass-delete */
    @Column(name = "KIND", length = 20, nullable = false)
    String kind;
    /** The entity type's name, e.g. Contact. */
    @Column(name = "ENTITY", length = 60, nullable = false)
    String entity;
    @Column(name = "STATUS", length = 12, nullable = false)
    String status;
    @Column(name = "USER_ID", length = 36, nullable = false)
    String userId;
    @Column(name = "LOGIN_NAME", length = 100)
    String loginName;
    @Column(name = "ADMINISTRATOR")
    boolean administrator;
    /** The request as validated JSON: mapping, duplicates, filter, values. */
    @Lob
    @Column(name = "SPEC")
    String spec;
    @Column(name = "FILE_ID", length = 36)
    String fileId;
    @Column(name = "TOTAL")
    long total;
    @Column(name = "PROCESSED")
    long processed;
    @Column(name = "CREATED_COUNT")
    long created;
    @Column(name = "UPDATED_COUNT")
    long updated;
    @Column(name = "SKIPPED_COUNT")
    long skipped;
    @Column(name = "FAILED_COUNT")
    long failed;
    /** Where a mass operation continues: the last record id it handled (records are visited in id order). */
    @Column(name = "CURSOR_ID", length = 36)
    String cursorId;
    @Column(name = "MESSAGE", length = 1000)
    String message;
    @Convert(converter = InstantConverter.class)
    @Column(name = "CREATED_AT")
    Instant createdAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "STARTED_AT")
    Instant startedAt;
    /** Time spent running, in milliseconds, over every run of the job (the rate ignores time it waited or was stopped). */
    @Column(name = "RUN_MILLIS")
    long runMillis;
    @Convert(converter = InstantConverter.class)
    @Column(name = "FINISHED_AT")
    Instant finishedAt;
    @Version
    @Column(name = "VERSION")
    long version;

    boolean isFinished() {
        return COMPLETED.equals(status) || CANCELLED.equals(status) || FAILED.equals(status);
    }
}
