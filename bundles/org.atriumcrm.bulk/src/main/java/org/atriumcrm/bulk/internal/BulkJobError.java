package org.atriumcrm.bulk.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** One line of a job's error report: the input row (or record id), the field and why it was not written. */
@Entity(name = "BulkJobError")
@Table(name = "ATRIUM_BULK_JOB_ERROR", indexes = @Index(name = "IX_BULK_JOB_ERROR_JOB", columnList = "JOB_ID,ROW_NO"))
public class BulkJobError {
    @Id
    @Column(name = "ID", length = 36)
    String id;
    @Column(name = "JOB_ID", length = 36, nullable = false)
    String jobId;
    /** The row number in the file as a spreadsheet shows it (the header is row 1); 0 for mass operations. */
    @Column(name = "ROW_NO")
    long rowNumber;
    @Column(name = "RECORD_ID", length = 36)
    String recordId;
    @Column(name = "FIELD", length = 100)
    String field;
    @Column(name = "REASON", length = 1000)
    String reason;
    @Column(name = "INPUT_VALUE", length = 500)
    String value;

    BulkJobError() {
    }

    BulkJobError(String id, String jobId, long rowNumber, String recordId, String field, String reason, String value) {
        this.id = id;
        this.jobId = jobId;
        this.rowNumber = rowNumber;
        this.recordId = recordId;
        this.field = field;
        this.reason = reason == null ? null : reason.length() > 1000 ? reason.substring(0, 997) + "..." : reason;
        this.value = value == null ? null : value.length() > 500 ? value.substring(0, 497) + "..." : value;
    }
}
