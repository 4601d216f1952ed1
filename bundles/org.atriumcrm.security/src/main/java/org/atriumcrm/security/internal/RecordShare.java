package org.atriumcrm.security.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;

/** One record shared by hand with one user or group, read-only or read/write. */
@Entity(name = "RecordShare")
@Table(name = "ATRIUM_RECORD_SHARE", indexes = {
        @Index(name = "IX_SHARE_PRINCIPAL", columnList = "ENTITY_NAME,PRINCIPAL_ID"),
        @Index(name = "IX_SHARE_RECORD", columnList = "ENTITY_NAME,RECORD_ID")})
public class RecordShare {
    @Id
    @Column(name = "ID", length = 36)
    String id;
    @Column(name = "ENTITY_NAME", length = 100, nullable = false)
    String entity;
    @Column(name = "RECORD_ID", length = 36, nullable = false)
    String recordId;
    @Column(name = "PRINCIPAL_ID", length = 36, nullable = false)
    String principalId;
    @Column(name = "ACCESS_LEVEL", length = 20, nullable = false)
    String access;
    @Column(name = "GRANTED_BY", length = 36)
    String grantedBy;
    @Convert(converter = InstantConverter.class)
    @Column(name = "GRANTED_AT", nullable = false)
    Instant grantedAt;
}
