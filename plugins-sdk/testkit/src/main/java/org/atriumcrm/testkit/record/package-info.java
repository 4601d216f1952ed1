/** Conformance tests a plugin runs against its own implementations of the platform's extension points. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atriumcrm.testkit.record;
