package org.atriumcrm.security.internal;

import javax.persistence.Column;
import javax.persistence.Embeddable;

import org.atriumcrm.api.security.FieldAccess;

/** A field of an entity type that the profile hides or makes read-only. */
@Embeddable
public class ProfileFieldRule {
    @Column(name = "ENTITY_NAME", length = 100, nullable = false)
    String entity;
    @Column(name = "FIELD_NAME", length = 100, nullable = false)
    String field;
    @Column(name = "ACCESS_LEVEL", length = 20, nullable = false)
    String access;

    public ProfileFieldRule() {
    }

    ProfileFieldRule(String entity, String field, FieldAccess access) {
        this.entity = entity;
        this.field = field;
        this.access = access.name();
    }

    FieldAccess access() {
        return FieldAccess.valueOf(access);
    }
}
