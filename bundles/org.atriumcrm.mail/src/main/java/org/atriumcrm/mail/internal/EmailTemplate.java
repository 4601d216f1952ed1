package org.atriumcrm.mail.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** An email template (邮件模板): subject, text and HTML with merge fields like {{contact.lastName}}, for one kind of record. */
@Entity(name = "EmailTemplate")
@Table(name = "ATRIUM_EMAIL_TEMPLATE", indexes = {
        @Index(name = "IX_EMAIL_TEMPLATE_NAME", columnList = "NAME")})
public class EmailTemplate extends BaseRecord {
    @Column(name = "NAME", length = 200)
    private String name;
    @Column(name = "LANGUAGE", length = 10)
    private String language;
    @Column(name = "APPLIES_TO", length = 20)
    private String appliesTo;
    @Column(name = "ACTIVE")
    private Boolean active;
    @Column(name = "SUBJECT", length = 1000)
    private String subject;
    @Column(name = "TEXT_BODY", length = 32000)
    private String textBody;
    @Column(name = "HTML_BODY", length = 32000)
    private String htmlBody;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getAppliesTo() {
        return appliesTo;
    }

    public void setAppliesTo(String appliesTo) {
        this.appliesTo = appliesTo;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getTextBody() {
        return textBody;
    }

    public void setTextBody(String textBody) {
        this.textBody = textBody;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public void setHtmlBody(String htmlBody) {
        this.htmlBody = htmlBody;
    }

    @Override
    public void beforeSave() {
        if (active == null) {
            active = Boolean.TRUE;
        }
        if (language == null) {
            language = "zh-CN";
        }
    }
}
