/**
 * JPA support shared by every module: {@link org.atriumcrm.persistence.api.BaseRecord} (the common columns),
 * {@link org.atriumcrm.persistence.api.JpaRecordStore} (a complete {@code RecordStore} on a module's persistence
 * unit), {@link org.atriumcrm.persistence.api.Transactions} and {@link org.atriumcrm.persistence.api.UnitOfWork}
 * (a module's transactions, and one over several modules), {@link org.atriumcrm.persistence.api.RecordIds}.
 * Each persistence unit must list {@code BaseRecord}, {@code InstantConverter} and {@code RecordChangeRow}
 * (the change history) as classes and name {@code BoundLiterals} as its {@code eclipselink.session.customizer}.
 * <p>
 * 2.0: how list queries become SQL ({@code CriteriaTranslator}) and the schema upkeep ({@code SchemaUpkeep},
 * {@code CharacterColumns}) are no longer exported; a store's subclass gets the condition of a list query from
 * {@code JpaRecordStore.where}, and {@code JpaRecordStore.upkeep()} reports in {@code JpaRecordStore.Upkeep}.
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package org.atriumcrm.persistence.api;
