/**
 * What the order-to-cash modules' REST actions share: {@link org.atriumcrm.commerce.api.actions.DocumentAction}, the
 * checks and body of a document's state transition.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atriumcrm.commerce.api.actions;
