@org.osgi.annotation.versioning.Version("1.3.0")
package org.atriumcrm.api.error;
