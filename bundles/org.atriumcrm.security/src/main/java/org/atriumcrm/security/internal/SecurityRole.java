package org.atriumcrm.security.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;

/** A node of the role hierarchy (sales director → regional manager → sales rep); users above see below. */
@Entity(name = "SecurityRole")
@Table(name = "ATRIUM_ROLE")
public class SecurityRole extends BaseRecord {
    @Column(name = "NAME", length = 100, nullable = false)
    String name;
    @Column(name = "PARENT_ID", length = 36)
    String parentId;
    @Column(name = "DESCRIPTION", length = 1000)
    String description;
}
