/** An HTTP client for the Atrium API as a REST client uses it, bounded waits, and assertions on its answers. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atriumcrm.testkit.http;
