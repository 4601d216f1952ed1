package org.atriumcrm.bulk.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;

/**
 * A saved field mapping (columns → fields, default values, picklist value mapping, duplicate handling) that
 * its user can apply to the next file of the same layout.
 */
@Entity(name = "ImportMapping")
@Table(name = "ATRIUM_IMPORT_MAPPING", indexes = @Index(name = "UQ_IMPORT_MAPPING_NAME", columnList = "USER_ID, ENTITY, NAME",
        unique = true))
public class ImportMapping {
    @Id
    @Column(name = "ID", length = 36)
    String id;
    @Column(name = "USER_ID", length = 36, nullable = false)
    String userId;
    @Column(name = "ENTITY", length = 60, nullable = false)
    String entity;
    @Column(name = "NAME", length = 100, nullable = false)
    String name;
    @Lob
    @Column(name = "SPEC")
    String spec;
    @Convert(converter = InstantConverter.class)
    @Column(name = "CREATED_AT")
    Instant createdAt;
}
