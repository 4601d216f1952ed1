/**
 * JPA support shared by every module: {@link org.atriumcrm.persistence.api.BaseRecord} (the common columns),
 * {@link org.atriumcrm.persistence.api.JpaRecordStore} (a complete {@code RecordStore} on a module's
 * persistence unit) and {@link org.atriumcrm.persistence.api.CriteriaTranslator} (list queries as JPA criteria).
 * Each persistence unit must list {@code BaseRecord}, {@code InstantConverter} and {@code RecordChangeRow}
 * (the change history) as classes.
 */
@org.osgi.annotation.versioning.Version("1.4.0")
package org.atriumcrm.persistence.api;
