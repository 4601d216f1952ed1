package org.atriumcrm.api.security;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A live browser session, found by the secret of its cookie: who it logs in, the token a cookie-authenticated write
 * must echo in {@code X-CSRF-Token} (a cross-site page can make the browser send the cookie, but cannot read this), and
 * when it ends if it stays idle.
 *
 * @since 1.2
 */
@ProviderType
public record WebSession(Caller caller, String csrfToken, Instant expiresAt) {
}
