/** A JpaTemplate over an in-memory Derby database: a plugin's persistence unit in plain Java SE unit tests. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atriumcrm.testkit.jpa;
