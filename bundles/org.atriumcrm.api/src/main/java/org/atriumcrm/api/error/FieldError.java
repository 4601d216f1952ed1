package org.atriumcrm.api.error;

/** One problem with one field of a request, e.g. {@code {"field":"name","message":"is required"}}. */
public record FieldError(String field, String message) {
}
