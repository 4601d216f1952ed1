package org.atriumcrm.security.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;

/** Audit of the security model: who changed which user, role, profile, group, default, rule or share, when. */
@Entity(name = "SecurityChange")
@Table(name = "ATRIUM_SECURITY_CHANGE", indexes = @Index(name = "IX_SECURITY_CHANGE_AT", columnList = "CHANGED_AT"))
public class SecurityChange {
    @Id
    @Column(name = "ID", length = 36)
    String id;
    @Convert(converter = InstantConverter.class)
    @Column(name = "CHANGED_AT", nullable = false)
    Instant changedAt;
    @Column(name = "USER_ID", length = 36)
    String userId;
    @Column(name = "LOGIN_NAME", length = 100)
    String loginName;
    @Column(name = "KIND", length = 30, nullable = false)
    String kind;
    @Column(name = "TARGET_ID", length = 100)
    String targetId;
    @Column(name = "ACTION_NAME", length = 30, nullable = false)
    String action;
    @Column(name = "DETAIL", length = 2000)
    String detail;
}
