package org.atriumcrm.bulk.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;

/** An uploaded file waiting to be imported (the bytes live under {@code ${karaf.data}/atrium/imports/<id>}). */
@Entity(name = "ImportFile")
@Table(name = "ATRIUM_IMPORT_FILE")
public class ImportFile {
    @Id
    @Column(name = "ID", length = 36)
    String id;
    @Column(name = "USER_ID", length = 36, nullable = false)
    String userId;
    @Column(name = "FILE_NAME", length = 255)
    String fileName;
    /** csv or xlsx */
    @Column(name = "FORMAT", length = 10)
    String format;
    /** The character set of a CSV file: detected, or chosen by the uploader. */
    @Column(name = "ENCODING", length = 20)
    String encoding;
    @Column(name = "SIZE_BYTES")
    long size;
    /** Data rows (the header row not counted). */
    @Column(name = "ROW_COUNT")
    long rows;
    /** The header row as a JSON array. */
    @Lob
    @Column(name = "COLUMNS_JSON")
    String columns;
    @Convert(converter = InstantConverter.class)
    @Column(name = "CREATED_AT")
    Instant createdAt;
}
