package org.atriumcrm.security.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;

/** Records of one entity type owned by a role (and subordinates) or group are shared with another one. */
@Entity(name = "SharingRule")
@Table(name = "ATRIUM_SHARING_RULE")
public class SharingRule extends BaseRecord {
    static final String ROLE = "role";
    static final String ROLE_AND_SUBORDINATES = "role-and-subordinates";
    static final String GROUP = "group";
    static final java.util.List<String> KINDS = java.util.List.of(ROLE, ROLE_AND_SUBORDINATES, GROUP);
    static final String READ = "read";
    static final String READ_WRITE = "read-write";

    @Column(name = "NAME", length = 100, nullable = false)
    String name;
    @Column(name = "ENTITY_NAME", length = 100, nullable = false)
    String entity;
    @Column(name = "SOURCE_KIND", length = 30, nullable = false)
    String sourceKind;
    @Column(name = "SOURCE_ID", length = 36, nullable = false)
    String sourceId;
    @Column(name = "TARGET_KIND", length = 30, nullable = false)
    String targetKind;
    @Column(name = "TARGET_ID", length = 36, nullable = false)
    String targetId;
    @Column(name = "ACCESS_LEVEL", length = 20, nullable = false)
    String access = READ;
}
