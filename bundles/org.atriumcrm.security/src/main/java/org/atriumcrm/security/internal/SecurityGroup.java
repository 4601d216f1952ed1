package org.atriumcrm.security.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.JoinColumn;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;

/** A team of users. A group can own records; its members see them. */
@Entity(name = "SecurityGroup")
@Table(name = "ATRIUM_GROUP")
public class SecurityGroup extends BaseRecord {
    @Column(name = "NAME", length = 100, nullable = false)
    String name;
    @Column(name = "DESCRIPTION", length = 1000)
    String description;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ATRIUM_GROUP_MEMBER", joinColumns = @JoinColumn(name = "GROUP_ID"))
    @Column(name = "USER_ID", length = 36)
    Set<String> members = new LinkedHashSet<>();
}
