/**
 * The inventory ledger as other modules book on it: the shared JPA entities of the ledger's tables
 * ({@link org.atriumcrm.inventory.api.StockMovement}, {@link org.atriumcrm.inventory.api.StockBalance}), which a
 * booking module lists in its own persistence unit, and the {@link org.atriumcrm.inventory.api.Ledger} service that
 * books movements on that module's EntityManager, inside its own transaction.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atriumcrm.inventory.api;
