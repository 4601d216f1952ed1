package org.atriumcrm.integration.api.secret;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Seals secrets for the database and opens them again, with a key kept outside the database
 * ({@code ${karaf.data}/atrium/secret.key}): a stolen database dump alone reveals no mailbox password or API key.
 * Back the key up with the database; the nodes of a cluster share it.
 */
@ProviderType
public interface Secrets {

    /** The secret sealed for storage ({@code v1:<iv>:<ciphertext>}). */
    String seal(String plain);

    /** A sealed secret opened; an IllegalStateException when this server's key did not seal it. */
    String open(String sealed);
}
