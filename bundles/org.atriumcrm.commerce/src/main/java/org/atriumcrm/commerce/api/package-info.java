/**
 * What the order-to-cash modules agree on: the topics of their events ({@link org.atriumcrm.commerce.api.CommerceEvents}),
 * the one place amounts are computed and rounded ({@link org.atriumcrm.commerce.api.Amounts}), and the services one
 * module offers the others (the catalog, the price resolution, stock levels, receivables). A module reaches another
 * only through these types and the records' REST/RecordStore API, never through its internals. 1.1.0: printable
 * documents ({@link org.atriumcrm.commerce.api.DocumentRenderer}, {@link org.atriumcrm.commerce.api.DocumentMail}). 1.2.0: the
 * printable records of each document module ({@link org.atriumcrm.commerce.api.DocumentSource}), how
 * a document line is priced and refused ({@link org.atriumcrm.commerce.api.DocumentLines}), what payments settle
 * ({@link org.atriumcrm.commerce.api.OpenItems}, {@link org.atriumcrm.commerce.api.Settlements}).
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.atriumcrm.commerce.api;
