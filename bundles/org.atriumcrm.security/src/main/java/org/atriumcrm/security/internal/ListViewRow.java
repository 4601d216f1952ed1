package org.atriumcrm.security.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;

/**
 * A saved list view: the columns, sort and filter of one entity type's list, under a name, for its owner and — when
 * shared — for everyone. No version column: two people saving the same view at once is "last one wins", not a 500.
 */
@Entity(name = "ListView")
@Table(name = "ATRIUM_LIST_VIEW",
        indexes = {@Index(name = "UQ_LIST_VIEW_NAME", columnList = "OWNER_ID, ENTITY, NAME", unique = true),
            @Index(name = "IX_LIST_VIEW_ENTITY", columnList = "ENTITY,SHARED")})
public class ListViewRow {
    @Id
    @Column(name = "ID", length = 36)
    String id;
    @Column(name = "OWNER_ID", length = 36, nullable = false)
    String ownerId;
    @Column(name = "OWNER_NAME", length = 100)
    String ownerName;
    @Column(name = "ENTITY", length = 60, nullable = false)
    String entity;
    @Column(name = "NAME", length = 100, nullable = false)
    String name;
    /** Field names, comma-separated, in the order shown. */
    @Column(name = "COLUMNS_SHOWN", length = 2000)
    String columns;
    @Column(name = "SORT_KEYS", length = 500)
    String sort;
    @Column(name = "FILTER_TEXT", length = 4000)
    String filter;
    @Column(name = "SHARED", nullable = false)
    boolean shared;
    @Convert(converter = InstantConverter.class)
    @Column(name = "CREATED_AT")
    Instant createdAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "MODIFIED_AT")
    Instant modifiedAt;
}
