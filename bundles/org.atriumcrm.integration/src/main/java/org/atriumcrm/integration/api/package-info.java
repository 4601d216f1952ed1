/**
 * How modules and plugins contribute Apache Camel routes. The platform's Camel libraries are shared (the
 * platform features carry them): import {@code org.apache.camel.*}, never embed Camel.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.atriumcrm.integration.api;
