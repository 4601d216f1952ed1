package org.atriumcrm.api.meta;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A list of records of {@code entity} whose reference field {@code field} points at a record of the owning
 * type, served at {@code /api/v1/<plural>/{id}/<name>} (e.g. an account's contacts).
 */
@ProviderType
public record RelatedList(String name, String entity, String field, Label label) {
}
