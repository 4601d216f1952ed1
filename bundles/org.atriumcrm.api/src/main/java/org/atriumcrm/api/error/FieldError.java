package org.atriumcrm.api.error;

import org.osgi.annotation.versioning.ProviderType;

/** One problem with one field of a request, e.g. {@code {"field":"name","message":"is required"}}. */
@ProviderType
public record FieldError(String field, String message) {
}
