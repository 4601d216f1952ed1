package org.atriumcrm.leads.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** A web-to-lead form: its secret key, the origins allowed to post it, and how its fields map to a lead. */
@Entity(name = "LeadForm")
@Table(name = "ATRIUM_LEAD_FORM", indexes = {
        @Index(name = "UX_LEAD_FORM_KEY", columnList = "FORM_KEY")})
public class LeadForm extends BaseRecord {
    @Column(name = "NAME", length = 100)
    private String name;
    @Column(name = "FORM_KEY", length = 64)
    private String formKey;
    @Column(name = "ACTIVE")
    private Boolean active;
    @Column(name = "ALLOWED_ORIGINS", length = 4000)
    private String allowedOrigins;
    @Column(name = "FIELD_MAPPING", length = 4000)
    private String fieldMapping;
    @Column(name = "DEFAULT_SOURCE", length = 40)
    private String defaultSource;
    @Column(name = "HONEYPOT_FIELD", length = 100)
    private String honeypotField;
    @Column(name = "MAX_PER_MINUTE")
    private Long maxPerMinute;
    @Column(name = "FALLBACK_OWNER_ID", length = 36)
    private String fallbackOwnerId;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getFormKey() {
        return formKey;
    }

    public void setFormKey(String formKey) {
        this.formKey = formKey;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    public String getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(String allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public String getFieldMapping() {
        return fieldMapping;
    }

    public void setFieldMapping(String fieldMapping) {
        this.fieldMapping = fieldMapping;
    }

    public String getDefaultSource() {
        return defaultSource;
    }

    public void setDefaultSource(String defaultSource) {
        this.defaultSource = defaultSource;
    }

    public String getHoneypotField() {
        return honeypotField;
    }

    public void setHoneypotField(String honeypotField) {
        this.honeypotField = honeypotField;
    }

    public Long getMaxPerMinute() {
        return maxPerMinute;
    }

    public void setMaxPerMinute(Long maxPerMinute) {
        this.maxPerMinute = maxPerMinute;
    }

    public String getFallbackOwnerId() {
        return fallbackOwnerId;
    }

    public void setFallbackOwnerId(String fallbackOwnerId) {
        this.fallbackOwnerId = fallbackOwnerId;
    }
    /** A new form gets an unguessable key; it is what a web page posts with its data. */
    @Override
    public void beforeSave() {
        if (formKey == null) {
            byte[] bytes = new byte[24];
            new java.security.SecureRandom().nextBytes(bytes);
            formKey = "lf_" + java.util.HexFormat.of().formatHex(bytes);
        }
        if (active == null) {
            active = Boolean.TRUE;
        }
        if (honeypotField == null) {
            honeypotField = "website_url";
        }
        if (maxPerMinute == null) {
            maxPerMinute = 10L;
        }
    }
}
