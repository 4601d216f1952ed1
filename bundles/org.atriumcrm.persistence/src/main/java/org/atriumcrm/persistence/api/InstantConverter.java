package org.atriumcrm.persistence.api;

import org.osgi.annotation.versioning.ProviderType;
import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/**
 * Stores {@link Instant} as a SQL timestamp. JPA 2.2 (and EclipseLink 2.7) map the java.time local types but
 * not Instant, so every persistence unit lists this converter. Timestamps are UTC by convention: the JVM of
 * the distribution runs with {@code user.timezone=UTC}.
 */
@Converter(autoApply = true)
@ProviderType
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
