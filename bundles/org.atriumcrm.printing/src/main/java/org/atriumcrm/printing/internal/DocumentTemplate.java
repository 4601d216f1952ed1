package org.atriumcrm.printing.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;

/** An administrator's template of one document kind in one language: Mustache producing the layout markup ({@link Markup}). */
@Entity(name = "DocumentTemplate")
// saving a default clears the other defaults of its kind and language with a bulk UPDATE: a reader's copy taken before
// it could land in the shared cache after the UPDATE invalidated it and show two defaults
@javax.persistence.Cacheable(false)
@Table(name = "ATRIUM_DOCUMENT_TEMPLATE", indexes = @Index(name = "IX_DOCUMENT_TEMPLATE_KIND", columnList = "KIND,LOCALE"))
public class DocumentTemplate extends BaseRecord {
    @Column(name = "NAME", length = 200)
    private String name;
    @Column(name = "KIND", length = 30)
    private String kind;
    @Column(name = "LOCALE", length = 10)
    private String locale;
    @Column(name = "ACTIVE")
    private Boolean active;
    @Column(name = "IS_DEFAULT")
    private Boolean isDefault;
    @Column(name = "BODY", length = 32000)
    private String body;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    public Boolean getIsDefault() {
        return isDefault;
    }

    public void setIsDefault(Boolean isDefault) {
        this.isDefault = isDefault;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    @Override
    public void beforeSave() {
        if (active == null) {
            active = Boolean.TRUE;
        }
        if (isDefault == null) {
            isDefault = Boolean.FALSE;
        }
    }
}
