package org.atriumcrm.plugin.pinyin.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * One indexed record. Spelling variants are stored space-separated with a leading space, so that a prefix
 * search on any variant is {@code LIKE '% zgyh%'}.
 */
@Entity(name = "PinyinEntry")
@Table(name = "ATRIUM_PINYIN_INDEX", indexes = @Index(name = "IX_PINYIN_ENTITY", columnList = "ENTITY"))
public class PinyinEntry {
    @Id
    @Column(name = "RECORD_ID", length = 36)
    private String recordId;
    @Column(name = "ENTITY", length = 100, nullable = false)
    private String entity;
    @Column(name = "DISPLAY_NAME", length = 500)
    private String displayName;
    @Column(name = "INITIALS", length = 1000)
    private String initials;
    @Column(name = "FULL_PINYIN", length = 4000)
    private String fullPinyin;
    /** The record's owner, so that searches show only what the caller may see (the platform's visibility rule). */
    @Column(name = "OWNER_ID", length = 36)
    private String ownerId;

    public PinyinEntry() {
    }

    PinyinEntry(String recordId, String entity) {
        this.recordId = recordId;
        this.entity = entity;
    }

    void update(String name, String owner, PinyinNames.Spelling spelling) {
        this.displayName = name;
        this.ownerId = owner;
        this.initials = " " + String.join(" ", spelling.initials());
        this.fullPinyin = " " + String.join(" ", spelling.full());
    }

    String recordId() {
        return recordId;
    }

    String entity() {
        return entity;
    }

    String displayName() {
        return displayName;
    }
}
