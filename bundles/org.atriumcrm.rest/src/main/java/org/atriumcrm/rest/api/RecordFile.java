package org.atriumcrm.rest.api;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A file that belongs to a record, e.g. a product's image or a contract's signed scan: {@code PUT} and {@code GET
 * /api/v1/<plural>/{id}/<file>}. Register it as a service with {@value #ENTITY_PROPERTY} (the entity name) and
 * {@value #FILE_PROPERTY} (the path segment), and reference the module's gate. The platform reads the record through
 * the caller's secured store first (an unknown or invisible record is a 404), hands a {@code PUT}'s body over as a
 * stream (never read into memory: the module streams it to disk and enforces its own size limit and types with 413
 * and 415 problems; the platform's limit for such bodies is {@code maxFileBytes}), and answers a {@code GET} with the
 * file's bytes, its type and its ETag (a 304 for a matching {@code If-None-Match}). Related lists and record views of
 * the same name win for {@code GET}.
 *
 * @since 1.9
 */
@ConsumerType
public interface RecordFile {
    String ENTITY_PROPERTY = "atrium.entity";
    String FILE_PROPERTY = "atrium.file";
    /** Optional service property: one sentence for the OpenAPI document (what the file is, which types and size it takes). */
    String SUMMARY_PROPERTY = "atrium.summary";
    /** Optional service property: the media types it takes, for the OpenAPI document (e.g. {@code image/png}). */
    String TYPES_PROPERTY = "atrium.file.types";

    /** A stored file: its media type, size in bytes, a strong validator (the ETag's value, without quotes) and where it is. */
    record Content(String mediaType, long size, String etag, Path path) {
    }

    /**
     * Stores {@code body} as {@code record}'s file, replacing the one it had; the module checks that the caller may
     * change the record (403). {@code mediaType} is the request's {@code Content-Type} without parameters (null when
     * not sent) and {@code declaredLength} its {@code Content-Length} (-1 when unknown, e.g. chunked).
     *
     * @return what to answer (JSON), typically the record as the caller sees it now
     */
    Object store(RecordStore<?> records, Record record, String mediaType, long declaredLength, InputStream body, Caller caller);

    /** The record's file, or empty when it has none (a 404). */
    Optional<Content> read(Record record);
}
