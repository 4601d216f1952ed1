/**
 * Connector types: what an ERP or online-shop module (or a plugin) registers so that administrators can create
 * connectors of that type at runtime ({@code /api/v1/connectors}). The platform keeps the connector records (settings,
 * the secret encrypted and write-only, active or paused), runs each active connector's routes on its own
 * CamelContext, stops them when the connector is paused, changed, deleted or its type goes away (its module disabled),
 * and answers the connection test through the type.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.atriumcrm.connectors.api;
