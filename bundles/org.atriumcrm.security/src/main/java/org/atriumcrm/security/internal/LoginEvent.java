package org.atriumcrm.security.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;

/** One password verification: who tried, from where, when, and whether it worked. Append-only. */
@Entity(name = "LoginEvent")
@Table(name = "ATRIUM_LOGIN_EVENT", indexes = @Index(name = "IX_LOGIN_EVENT_AT", columnList = "ATTEMPTED_AT"))
public class LoginEvent {
    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "LOGIN_NAME", length = 200)
    private String loginName;
    @Column(name = "USER_ID", length = 36)
    private String userId;
    @Column(name = "SUCCESS", nullable = false)
    private boolean success;
    @Column(name = "REASON", length = 100)
    private String reason;
    @Column(name = "SOURCE_ADDRESS", length = 100)
    private String sourceAddress;
    @Convert(converter = InstantConverter.class)
    @Column(name = "ATTEMPTED_AT", nullable = false)
    private Instant at;

    public LoginEvent() {
    }

    LoginEvent(String id, String loginName, String userId, boolean success, String reason, String sourceAddress, Instant at) {
        this.id = id;
        this.loginName = loginName == null ? null : loginName.substring(0, Math.min(200, loginName.length()));
        this.userId = userId;
        this.success = success;
        this.reason = reason;
        this.sourceAddress = sourceAddress;
        this.at = at;
    }

    String loginName() {
        return loginName;
    }

    String userId() {
        return userId;
    }

    boolean success() {
        return success;
    }

    String reason() {
        return reason;
    }

    String sourceAddress() {
        return sourceAddress;
    }

    Instant at() {
        return at;
    }
}
