@org.osgi.annotation.versioning.Version("1.6.0")
package org.atriumcrm.api.meta;
