/** What a module needs to contribute JAX-RS resources to the Atrium API: the application and extension names. */
@org.osgi.annotation.versioning.Version("1.11.0")
package org.atriumcrm.rest.api;
