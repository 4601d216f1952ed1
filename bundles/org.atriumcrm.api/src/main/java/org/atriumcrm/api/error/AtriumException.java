package org.atriumcrm.api.error;

import org.osgi.annotation.versioning.ProviderType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on. The REST layer turns it into an RFC 9457 {@code application/problem+json}
 * answer: {@link #status()} is the HTTP status, {@link #problemType()} the stable slug of the problem type,
 * {@link #getMessage()} the human-readable detail. Anything that is not an AtriumException is a bug (500).
 */
@ProviderType
public class AtriumException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String problemType;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private String messageKey;
    private List<Object> messageArgs = List.of();

    public AtriumException(int status, String problemType, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.problemType = problemType;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static AtriumException badRequest(String detail) {
        return new AtriumException(400, "bad-request", "Bad request", detail, null);
    }

    public static AtriumException validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new AtriumException(400, "validation-failed", "Validation failed", detail, errors);
    }

    public static AtriumException invalidField(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    /**
     * One field refused with its code: {@code message} is the English, read after the field's name; {@code args} are
     * what the translations of {@code code} refer to as {0}, {1}...
     *
     * @since 1.3
     */
    public static AtriumException invalid(String field, String code, String message, Object... args) {
        return validation(List.of(FieldError.of(field, code, message, args)));
    }

    public static AtriumException notFound(String detail) {
        return new AtriumException(404, "not-found", "Not found", detail, null);
    }

    /** The caller is known but may not do this (the record or entity type itself is visible to them). */
    public static AtriumException forbidden(String detail) {
        return new AtriumException(403, "forbidden", "Forbidden", detail, null);
    }

    /** Writing fields that field-level security hides from the caller or makes read-only for them. */
    public static AtriumException forbiddenFields(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields may not be written by you";
        return new AtriumException(403, "field-not-writable", "Forbidden", detail, errors);
    }

    public static AtriumException conflict(String problemType, String detail) {
        return new AtriumException(409, problemType, "Conflict", detail, null);
    }

    public static AtriumException preconditionFailed(String detail) {
        return new AtriumException(412, "stale-version", "Precondition failed", detail, null);
    }

    /**
     * Names the detail in the platform's message catalogue, so that the REST layer can answer it in the caller's
     * language: {@code key} with the arguments its translations refer to as {0}, {1}... (a
     * {@link org.atriumcrm.api.meta.Label} argument is shown in that language). Without a key, or without a translation
     * of it, the detail stays the English one given to the constructor.
     *
     * @since 1.2
     */
    public AtriumException localized(String key, Object... args) {
        this.messageKey = key;
        this.messageArgs = args == null ? List.of() : java.util.Collections.unmodifiableList(java.util.Arrays.asList(args.clone()));
        return this;
    }

    /** The catalogue key of the detail, or null. @since 1.2 */
    public String messageKey() {
        return messageKey;
    }

    /** The arguments of {@link #messageKey()}. @since 1.2 */
    public List<Object> messageArgs() {
        return messageArgs;
    }

    /** Adds a member to the problem document, e.g. the duplicates found or the current version. */
    public AtriumException with(String key, Object value) {
        extensions.put(key, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String problemType() {
        return problemType;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return Collections.unmodifiableMap(extensions);
    }
}
