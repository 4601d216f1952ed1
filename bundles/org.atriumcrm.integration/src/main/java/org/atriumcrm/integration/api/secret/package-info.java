/** Secrets at rest: passwords, API keys and webhook secrets of mailboxes and connectors, encrypted with the server's key. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atriumcrm.integration.api.secret;
