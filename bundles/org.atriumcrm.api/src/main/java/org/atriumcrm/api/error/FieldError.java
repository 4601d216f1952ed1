package org.atriumcrm.api.error;

import org.osgi.annotation.versioning.ProviderType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One problem with one field of a request, e.g. {@code {"field":"name","code":"required","message":"is required"}}.
 * {@code message} is English and reads after the field's name. {@code code} (since 1.2) is the stable, language-free
 * name of the problem that clients branch on and the REST layer translates by, with {@code args} filling the
 * translated message (a {@link org.atriumcrm.api.meta.Label} argument is shown in the caller's language); without a
 * code the problem is answered as {@code invalid}, in English.
 */
@ProviderType
public record FieldError(String field, String message, String code, List<Object> args) {

    public FieldError {
        args = args == null || args.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
    }

    /** A field error without a code: shown in English in every language. */
    public FieldError(String field, String message) {
        this(field, message, null, List.of());
    }

    /**
     * A field error with its code; {@code args} are what the translations of {@code code} refer to as {0}, {1}...
     *
     * @since 1.2
     */
    public static FieldError of(String field, String code, String message, Object... args) {
        return new FieldError(field, message, code, args == null ? List.of() : Arrays.asList(args));
    }
}
