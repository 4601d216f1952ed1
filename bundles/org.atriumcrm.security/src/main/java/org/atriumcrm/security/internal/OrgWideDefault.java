package org.atriumcrm.security.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;

/** The baseline access to one entity type's records: private, public read-only, or public read/write. */
@Entity(name = "OrgWideDefault")
@Table(name = "ATRIUM_ORG_DEFAULT")
public class OrgWideDefault {
    static final String PRIVATE = "private";
    static final String PUBLIC_READ = "public-read";
    static final String PUBLIC_READ_WRITE = "public-read-write";
    static final java.util.List<String> LEVELS = java.util.List.of(PRIVATE, PUBLIC_READ, PUBLIC_READ_WRITE);

    @Id
    @Column(name = "ENTITY_NAME", length = 100)
    String entity;
    @Column(name = "ACCESS_LEVEL", length = 20, nullable = false)
    String access = PRIVATE;
    /** Users above the owner in the role hierarchy see and edit the record. */
    @Column(name = "USE_HIERARCHY")
    Boolean useHierarchy = Boolean.TRUE;
    @Convert(converter = InstantConverter.class)
    @Column(name = "MODIFIED_AT")
    Instant modifiedAt;
    @Column(name = "MODIFIED_BY", length = 36)
    String modifiedBy;
}
