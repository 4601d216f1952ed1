package org.atriumcrm.security.internal;

import java.time.Instant;

import java.util.LinkedHashSet;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.FetchType;
import javax.persistence.JoinColumn;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/** A person who logs in to Atrium. */
@Entity(name = "UserAccount")
@Table(name = "ATRIUM_USER", indexes = @Index(name = "UX_USER_LOGIN", columnList = "LOGIN_NAME", unique = true))
public class UserAccount extends BaseRecord {
    public static final String ACTIVE = "active";
    public static final String INACTIVE = "inactive";

    @Column(name = "LOGIN_NAME", length = 100, nullable = false)
    private String loginName;
    @Column(name = "DISPLAY_NAME", length = 200)
    private String displayName;
    @Column(name = "EMAIL", length = 255)
    private String email;
    @Column(name = "LANGUAGE", length = 10)
    private String language;
    @Column(name = "STATUS", length = 20, nullable = false)
    private String status = ACTIVE;
    @Column(name = "PASSWORD_HASH", length = 200)
    private String passwordHash;
    @Convert(converter = InstantConverter.class)
    @Column(name = "PASSWORD_CHANGED_AT")
    private Instant passwordChangedAt;
    @Column(name = "FAILED_LOGINS")
    private Integer failedLogins = 0;
    @Convert(converter = InstantConverter.class)
    @Column(name = "LOCKED_UNTIL")
    private Instant lockedUntil;
    /** Has the administrator profile: kept in step with {@link #profileIds} so authentication need not load profiles. */
    @Column(name = "ADMINISTRATOR")
    private Boolean administrator = Boolean.FALSE;
    @Column(name = "MOBILE", length = 50)
    private String mobile;
    @Column(name = "TIME_ZONE", length = 50)
    private String timeZone;
    @Column(name = "ROLE_ID", length = 36)
    private String roleId;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ATRIUM_USER_PROFILE", joinColumns = @JoinColumn(name = "USER_ID"))
    @Column(name = "PROFILE_ID", length = 36)
    private Set<String> profileIds = new LinkedHashSet<>();

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getRoleId() {
        return roleId;
    }

    public void setRoleId(String roleId) {
        this.roleId = roleId;
    }

    public Set<String> getProfileIds() {
        return profileIds;
    }

    public void setProfileIds(Set<String> ids) {
        this.profileIds = new LinkedHashSet<>(ids);
    }

    public String getLoginName() {
        return loginName;
    }

    public void setLoginName(String loginName) {
        this.loginName = loginName;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash, Instant changedAt) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = changedAt;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public boolean isAdministrator() {
        return Boolean.TRUE.equals(administrator);
    }

    public void setAdministrator(boolean administrator) {
        this.administrator = administrator;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public void recordSuccess() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public boolean isActive() {
        return ACTIVE.equals(status) && !isDeleted();
    }
}
