package org.atriumcrm.printing.internal;

import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** The bytes of a {@link PrintedDocument}, written in the same transaction; kept out of the shared cache (large, read rarely). */
@Entity(name = "PrintedDocumentContent")
@Table(name = "ATRIUM_PRINTED_DOCUMENT_PDF")
@Cacheable(false)
public class PrintedDocumentContent {
    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Lob
    @Column(name = "CONTENT", length = PrintedDocumentStore.MAX_BYTES)
    private byte[] content;

    public PrintedDocumentContent() {
    }

    PrintedDocumentContent(String id, byte[] content) {
        this.id = id;
        this.content = content;
    }

    byte[] getContent() {
        return content;
    }
}
