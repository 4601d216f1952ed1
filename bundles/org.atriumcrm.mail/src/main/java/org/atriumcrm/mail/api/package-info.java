/** What other modules (workflows first) use of the mail module: automatic emails from templates. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atriumcrm.mail.api;
