/**
 * What the invoicing module needs of sales orders to deliver and invoice them in one transaction with its own
 * documents: {@link org.atriumcrm.orders.api.Fulfilment}, which changes the orders' delivered and invoiced quantities
 * with conditional UPDATEs on the caller's EntityManager (in the style of the inventory {@code Ledger}), so that a
 * delivery note, its stock movements and the order's remaining quantities commit or roll back together.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.atriumcrm.orders.api;
