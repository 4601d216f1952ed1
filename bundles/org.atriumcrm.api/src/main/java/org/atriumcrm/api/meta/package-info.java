@org.osgi.annotation.versioning.Version("1.5.0")
package org.atriumcrm.api.meta;
