/**
 * What other modules (workflows first) use of the mail module: automatic emails from templates; 1.1.0: emails a
 * module composes itself, with files attached ({@link org.atriumcrm.mail.api.OutboundMail}).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.atriumcrm.mail.api;
