package org.atriumcrm.api.query;

import org.osgi.annotation.versioning.ProviderType;
import java.util.Arrays;
import java.util.Optional;

/** Filter operators, spelled as in the {@code filter} query parameter. */
@ProviderType
public enum Operator {
    EQ("eq"), NE("ne"), LT("lt"), LE("le"), GT("gt"), GE("ge"), IN("in"), LIKE("like"),
    IS_NULL("is null"), IS_NOT_NULL("is not null");

    private final String token;

    Operator(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Optional<Operator> byToken(String token) {
        return Arrays.stream(values()).filter(o -> o.token.equalsIgnoreCase(token)).findFirst();
    }
}
