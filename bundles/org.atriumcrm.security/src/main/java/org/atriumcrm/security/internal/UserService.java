package org.atriumcrm.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Authenticator;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.UserDirectory;
import org.atriumcrm.api.security.WebSession;
import org.atriumcrm.persistence.api.RecordIds;
import org.atriumcrm.persistence.api.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users and API tokens: authenticates API calls and creates the first administrator on first start.
 */
@Component(service = {Authenticator.class, UserDirectory.class, UserService.class},
        configurationPid = "org.atriumcrm.security")
@Designate(ocd = SecurityConfig.class)
public class UserService implements Authenticator, UserDirectory {
    static final String TOKEN_PREFIX = "atr_";
    static final String ADMIN_LOGIN = "admin";
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);

    private final JpaTemplate jpa;
    private volatile VerifiedCredentials verified;
    private volatile PasswordHasher hasher;
    /** Compared against when the login is unknown, so that unknown and known logins cost the same time. */
    private volatile String decoyHash;
    private volatile int maxFailedLogins;
    private volatile java.time.Duration lockout;
    private volatile Duration sessionIdle;
    private volatile Duration sessionLifetime;

    @Activate
    public UserService(@Reference(target = "(osgi.unit.name=atrium.security)") JpaTemplate jpa, SecurityConfig config) {
        this.jpa = jpa;
        configure(config);
        createFirstAdministrator();
    }

    @Modified
    void configure(SecurityConfig config) {
        this.verified = new VerifiedCredentials(config.credentialCacheSeconds() * 1000L);
        this.hasher = new PasswordHasher(Math.max(10_000, config.passwordIterations()));
        this.decoyHash = hasher.hash(PasswordHasher.newSecret());
        this.maxFailedLogins = Math.max(1, config.maxFailedLogins());
        this.lockout = java.time.Duration.ofMinutes(Math.max(1, config.lockoutMinutes()));
        this.sessionIdle = Duration.ofMinutes(Math.max(1, config.sessionIdleMinutes()));
        this.sessionLifetime = Duration.ofHours(Math.max(1, config.sessionLifetimeHours()));
    }

    @Override
    public Optional<Caller> authenticatePassword(String loginName, String password) {
        return authenticatePassword(loginName, password, null);
    }

    /**
     * Verifies a password (or accepts a recently verified one from the cache). Every real verification is
     * recorded with the client address; wrong passwords in a row lock the account for a while, and a locked
     * account is refused even with the right password.
     */
    @Override
    public Optional<Caller> authenticatePassword(String loginName, String password, String sourceAddress) {
        String key = VerifiedCredentials.key(loginName, password);
        long nowMillis = System.currentTimeMillis();
        Optional<Caller> cached = verified.lookup(key, nowMillis);
        if (cached.isPresent()) {
            return cached;
        }
        return verify(loginName, password, sourceAddress, key, nowMillis);
    }

    /**
     * A login form's attempt: always verified, counted and audited like any password check, never answered from the
     * cache that spares HTTP Basic clients the slow hash (a person logging in is one event, and is recorded as one).
     */
    Optional<Caller> logIn(String loginName, String password, String source) {
        return verify(loginName, password, source, VerifiedCredentials.key(loginName, password), System.currentTimeMillis());
    }

    private Optional<Caller> verify(String loginName, String password, String sourceAddress, String key, long nowMillis) {
        // taken before the user is read: a lockout that lands while we verify must keep this success out of the cache
        long epoch = verified.epoch();
        Optional<UserAccount> user = byLogin(loginName);
        String hash = user.map(UserAccount::getPasswordHash).orElse(decoyHash);
        boolean ok = hasher.verify(password, hash);
        Instant now = Instant.now();
        String checked = user.isEmpty() ? "unknown login" : !user.get().isActive() ? "user not active" : ok ? null : "wrong password";
        String userId = user.map(UserAccount::getId).orElse(null);
        Attempt attempt = record(loginName, userId, checked, sourceAddress, now);
        if (attempt.lockedNow()) {
            verified.forgetUser(userId);
            LOG.warn("user '{}' locked for {} after {} wrong passwords", loginName.replaceAll("[\\r\\n]", "_"), lockout, maxFailedLogins);
        }
        if (attempt.reason() != null) {
            LOG.info("failed login for '{}' from {}: {}", loginName.replaceAll("[\\r\\n]", "_"), sourceAddress, attempt.reason());
            return Optional.empty();
        }
        UserAccount u = user.get();
        Caller caller = new Caller(u.getId(), u.getLoginName(), u.isAdministrator());
        verified.remember(key, caller, nowMillis, epoch);
        return Optional.of(caller);
    }

    /** What became of one password check: the refusal reason (null: logged in) and whether it locked the account. */
    private record Attempt(String reason, boolean lockedNow) {
    }

    /**
     * Counts the attempt and audits it in one short transaction. The user's row is changed only by single UPDATE
     * statements that test the lock in their WHERE clause, never by a version-checked write of the entity: a burst of
     * attempts on one user waits for the row's lock one after the other instead of failing with an optimistic lock
     * and rolling back its count and its audit row (issue 13). The lock decision is the database's, so a right
     * password checked while a concurrent burst locks the account is refused too.
     */
    private Attempt record(String loginName, String userId, String checked, String sourceAddress, Instant now) {
        javax.persistence.EntityManagerFactory[] unit = new javax.persistence.EntityManagerFactory[1];
        Attempt attempt = tx(em -> {
            unit[0] = em.getEntityManagerFactory();
            String reason = checked;
            boolean lockedNow = false;
            java.sql.Timestamp at = java.sql.Timestamp.from(now);
            if (userId != null && reason == null) {
                int unlocked = em.createNativeQuery("UPDATE ATRIUM_USER SET FAILED_LOGINS = 0, LOCKED_UNTIL = NULL"
                        + " WHERE ID = ?1 AND (LOCKED_UNTIL IS NULL OR LOCKED_UNTIL <= ?2)")
                        .setParameter(1, userId).setParameter(2, at).executeUpdate();
                reason = unlocked == 0 ? "locked" : null;
            } else if (userId != null && "wrong password".equals(reason)) {
                int counted = em.createNativeQuery("UPDATE ATRIUM_USER SET FAILED_LOGINS = COALESCE(FAILED_LOGINS, 0) + 1"
                        + " WHERE ID = ?1 AND (LOCKED_UNTIL IS NULL OR LOCKED_UNTIL <= ?2)")
                        .setParameter(1, userId).setParameter(2, at).executeUpdate();
                if (counted == 0) {
                    reason = "locked";
                } else {
                    // this transaction holds the row's lock from the UPDATE on: the count read here is ours alone
                    Number failures = (Number) em.createNativeQuery("SELECT FAILED_LOGINS FROM ATRIUM_USER WHERE ID = ?1")
                            .setParameter(1, userId).getSingleResult();
                    if (failures.intValue() >= maxFailedLogins) {
                        em.createNativeQuery("UPDATE ATRIUM_USER SET FAILED_LOGINS = 0, LOCKED_UNTIL = ?1 WHERE ID = ?2")
                                .setParameter(1, java.sql.Timestamp.from(now.plus(lockout))).setParameter(2, userId).executeUpdate();
                        lockedNow = true;
                    }
                }
            }
            em.persist(new LoginEvent(RecordIds.next(), loginName, userId, reason == null, reason, sourceAddress, now));
            return new Attempt(reason, lockedNow);
        });
        if (userId != null) {
            // the statements above bypass the entity: readers of the user (admin API, tokens) must not see a cached copy
            unit[0].getCache().evict(UserAccount.class, userId);
        }
        return attempt;
    }

    @Override
    public Optional<Caller> authenticateToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        String digest = PasswordHasher.sha256Hex(token);
        Instant now = Instant.now();
        return tx(em -> {
            List<ApiToken> found = em.createQuery("SELECT t FROM ApiToken t WHERE t.digest = :d", ApiToken.class)
                    .setParameter("d", digest).getResultList();
            if (found.isEmpty() || !found.get(0).isUsable(now)) {
                return Optional.<Caller>empty();
            }
            ApiToken t = found.get(0);
            UserAccount user = em.find(UserAccount.class, t.getUserId());
            if (user == null || !user.isActive()) {
                return Optional.<Caller>empty();
            }
            if (t.getLastUsedAt() == null || t.getLastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now)) {
                t.setLastUsedAt(now); // at most one write a minute per token, not one per request
            }
            return Optional.of(new Caller(user.getId(), user.getLoginName(), user.isAdministrator()));
        });
    }

    /** Opens a browser session for a caller who just logged in; the cookie's secret is returned once, never stored. */
    IssuedSession startSession(Caller caller) {
        String secret = PasswordHasher.newSecret();
        Instant now = Instant.now();
        Duration idle = sessionIdle;
        BrowserSession session = new BrowserSession(RecordIds.next(), PasswordHasher.sha256Hex(secret), caller.userId(),
                PasswordHasher.newSecret(), now, sessionLifetime);
        tx(em -> {
            // the user's ended sessions go as a new one starts: rows do not pile up, and no sweeper job is needed
            em.createQuery("DELETE FROM BrowserSession s WHERE s.userId = :u AND (s.expiresAt <= :now OR s.lastSeenAt <= :idleSince)")
                    .setParameter("u", caller.userId()).setParameter("now", now).setParameter("idleSince", now.minus(idle))
                    .executeUpdate();
            em.persist(session);
            return null;
        });
        return new IssuedSession(secret, new WebSession(caller, session.csrfToken(), session.endsAt(idle)));
    }

    record IssuedSession(String secret, WebSession session) {
    }

    /**
     * The session a cookie names, checked against its user on every request, so that disabling or deleting a user
     * ends their sessions at once. A use is written down at most once a minute per session.
     */
    @Override
    public Optional<WebSession> authenticateSession(String sessionToken) {
        if (sessionToken == null || sessionToken.isEmpty() || sessionToken.length() > 200) {
            return Optional.empty();
        }
        String digest = PasswordHasher.sha256Hex(sessionToken);
        Instant now = Instant.now();
        Duration idle = sessionIdle;
        return tx(em -> {
            List<BrowserSession> found = em.createQuery("SELECT s FROM BrowserSession s WHERE s.digest = :d", BrowserSession.class)
                    .setParameter("d", digest).getResultList();
            if (found.isEmpty() || !found.get(0).isLive(now, idle)) {
                return Optional.<WebSession>empty();
            }
            BrowserSession s = found.get(0);
            UserAccount user = em.find(UserAccount.class, s.userId());
            if (user == null || !user.isActive()) {
                return Optional.<WebSession>empty();
            }
            if (s.lastSeenDue(now, LAST_USED_GRANULARITY)) {
                s.seen(now);
            }
            Caller caller = new Caller(user.getId(), user.getLoginName(), user.isAdministrator());
            return Optional.of(new WebSession(caller, s.csrfToken(), s.endsAt(idle)));
        });
    }

    /** Logs a session out, if the cookie names one of {@code userId}'s: another user's cookie is not this caller's to end. */
    void endSession(String sessionToken, String userId) {
        if (sessionToken == null || sessionToken.isEmpty() || sessionToken.length() > 200) {
            return;
        }
        String digest = PasswordHasher.sha256Hex(sessionToken);
        tx(em -> em.createQuery("DELETE FROM BrowserSession s WHERE s.digest = :d AND s.userId = :u")
                .setParameter("d", digest).setParameter("u", userId).executeUpdate());
    }

    /** Ends a user's browser sessions but the one whose cookie holds {@code keptToken} (may be null: all of them). */
    private void endSessionsOf(javax.persistence.EntityManager em, String userId, String keptToken) {
        String kept = keptToken == null ? "" : PasswordHasher.sha256Hex(keptToken);
        em.createQuery("DELETE FROM BrowserSession s WHERE s.userId = :u AND s.digest <> :d")
                .setParameter("u", userId).setParameter("d", kept).executeUpdate();
    }

    @Override
    public List<Team> teams() {
        return tx(em -> em.createQuery("SELECT g FROM SecurityGroup g ORDER BY g.name", SecurityGroup.class).getResultList()
                .stream().map(g -> new Team(g.getId(), g.name, java.util.Set.copyOf(g.members))).toList());
    }

    @Override
    public boolean isValidOwner(String ownerId) {
        if (!RecordIds.isValid(ownerId)) {
            return false;
        }
        return tx(em -> {
            UserAccount user = em.find(UserAccount.class, ownerId);
            return user != null ? user.isActive() : em.find(SecurityGroup.class, ownerId) != null;
        });
    }

    @Override
    public boolean isActiveUser(String userId) {
        if (!RecordIds.isValid(userId)) {
            return false;
        }
        return tx(em -> {
            UserAccount user = em.find(UserAccount.class, userId);
            return user != null && user.isActive();
        });
    }

    @Override
    public List<String> managersOf(String userId) {
        if (!RecordIds.isValid(userId)) {
            return List.of();
        }
        return tx(em -> {
            UserAccount user = em.find(UserAccount.class, userId);
            if (user == null || user.getRoleId() == null) {
                return List.of();
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            SecurityRole role = em.find(SecurityRole.class, user.getRoleId());
            while (role != null && role.parentId != null && seen.add(role.getId())) {
                role = em.find(SecurityRole.class, role.parentId);
                if (role == null || role.isDeleted()) {
                    return List.<String>of();
                }
                List<String> holders = em.createQuery("SELECT u FROM UserAccount u WHERE u.roleId = :r ORDER BY u.loginName",
                        UserAccount.class).setParameter("r", role.getId()).getResultList().stream()
                        .filter(UserAccount::isActive).map(UserAccount::getId).toList();
                if (!holders.isEmpty()) {
                    return holders;
                }
            }
            return List.<String>of();
        });
    }

    @Override
    public boolean isAbove(String upperUserId, String lowerUserId) {
        if (!RecordIds.isValid(upperUserId) || !RecordIds.isValid(lowerUserId)) {
            return false;
        }
        return tx(em -> {
            UserAccount upper = em.find(UserAccount.class, upperUserId);
            UserAccount lower = em.find(UserAccount.class, lowerUserId);
            if (upper == null || lower == null || upper.getRoleId() == null || lower.getRoleId() == null) {
                return false;
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            SecurityRole role = em.find(SecurityRole.class, lower.getRoleId());
            // a cycle in a hand-edited tree must not loop forever: each role is visited once
            while (role != null && role.parentId != null && seen.add(role.getId())) {
                if (role.parentId.equals(upper.getRoleId())) {
                    return true;
                }
                role = em.find(SecurityRole.class, role.parentId);
            }
            return false;
        });
    }

    @Override
    public boolean isAdministrator(String userId) {
        if (!RecordIds.isValid(userId)) {
            return false;
        }
        return tx(em -> {
            UserAccount user = em.find(UserAccount.class, userId);
            return user != null && user.isActive() && user.isAdministrator();
        });
    }

    @Override
    public Optional<String> emailOf(String userId) {
        if (!RecordIds.isValid(userId)) {
            return Optional.empty();
        }
        return tx(em -> {
            UserAccount user = em.find(UserAccount.class, userId);
            return user == null || !user.isActive() || user.getEmail() == null || user.getEmail().isBlank()
                    ? Optional.<String>empty() : Optional.of(user.getEmail());
        });
    }

    @Override
    public Optional<String> languageOf(String userId) {
        if (!RecordIds.isValid(userId)) {
            return Optional.empty();
        }
        return tx(em -> {
            UserAccount user = em.find(UserAccount.class, userId);
            return user == null || user.getLanguage() == null || user.getLanguage().isBlank()
                    ? Optional.<String>empty() : Optional.of(user.getLanguage());
        });
    }

    Optional<UserAccount> user(String userId) {
        return tx(em -> Optional.ofNullable(em.find(UserAccount.class, userId)));
    }

    List<ApiToken> tokensOf(String userId) {
        return tx(em -> em.createQuery("SELECT t FROM ApiToken t WHERE t.userId = :u AND t.deletedAt IS NULL"
                + " ORDER BY t.createdAt", ApiToken.class).setParameter("u", userId).getResultList());
    }

    /** Creates a token and returns it with its secret, which is not stored and cannot be shown again. */
    IssuedToken issueToken(Caller caller, String name, Instant expiresAt) {
        String secret = TOKEN_PREFIX + PasswordHasher.newSecret();
        ApiToken token = tx(em -> {
            ApiToken t = new ApiToken();
            t.setUserId(caller.userId());
            t.setName(name);
            t.setDigest(PasswordHasher.sha256Hex(secret));
            t.setExpiresAt(expiresAt);
            t.initialise(RecordIds.next(), Instant.now(), caller);
            em.persist(t);
            return t;
        });
        return new IssuedToken(token, secret);
    }

    void revokeToken(Caller caller, String tokenId) {
        tx(em -> {
            ApiToken t = RecordIds.isValid(tokenId) ? em.find(ApiToken.class, tokenId) : null;
            if (t == null || t.isDeleted() || !t.getUserId().equals(caller.userId())) {
                throw AtriumException.notFound("you have no API token with id " + tokenId);
            }
            t.markDeleted(Instant.now(), caller);
            return null;
        });
    }

    record IssuedToken(ApiToken token, String secret) {
    }

    /** Sets a new password: checks the current one unless an administrator resets it; unlocks the account. */
    void changePassword(String userId, String currentPassword, String newPassword, Caller caller) {
        changePassword(userId, currentPassword, newPassword, caller, null);
    }

    /**
     * As above, and ends the user's browser sessions but the one holding {@code keptSessionToken} (the browser in
     * which the user changed it): whoever learnt the old password is logged out everywhere else.
     */
    void changePassword(String userId, String currentPassword, String newPassword, Caller caller, String keptSessionToken) {
        UserAccount user = user(userId).filter(u -> !u.isDeleted())
                .orElseThrow(() -> AtriumException.notFound("no user with id " + userId).localized("record-not-found", "user", userId));
        java.util.List<org.atriumcrm.api.error.FieldError> errors = new java.util.ArrayList<>();
        if (currentPassword != null && !hasher.verify(currentPassword, user.getPasswordHash())) {
            errors.add(new org.atriumcrm.api.error.FieldError("currentPassword", "is not your current password"));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        checkPasswordPolicy("newPassword", newPassword, user.getLoginName());
        String hash = hasher.hash(newPassword);
        tx(em -> {
            UserAccount u = em.find(UserAccount.class, userId);
            u.setPasswordHash(hash, Instant.now());
            u.recordSuccess();
            u.touch(Instant.now(), caller);
            endSessionsOf(em, userId, keptSessionToken);
            return null;
        });
        verified.forgetUser(userId);
        LOG.info("{} changed the password of {}", caller.loginName(), user.getLoginName());
    }

    List<LoginEvent> loginEvents(int limit) {
        return tx(em -> em.createQuery("SELECT e FROM LoginEvent e ORDER BY e.at DESC", LoginEvent.class)
                .setMaxResults(limit).getResultList());
    }

    List<UserAccount> users() {
        return tx(em -> em.createQuery("SELECT u FROM UserAccount u WHERE u.deletedAt IS NULL ORDER BY u.loginName",
                UserAccount.class).getResultList());
    }

    /**
     * Creates a user; 409 when the login name is taken. {@code setup} completes the user (role, profiles,
     * groups) in the same transaction, so a failure there leaves no half-made user behind.
     */
    UserAccount createUser(String loginName, String password, Caller caller,
            java.util.function.BiConsumer<javax.persistence.EntityManager, UserAccount> setup) {
        checkPasswordPolicy("password", password, loginName);
        String hash = hasher.hash(password);
        return tx(em -> {
            if (!em.createQuery("SELECT u.id FROM UserAccount u WHERE u.loginName = :l").setParameter("l", loginName)
                    .getResultList().isEmpty()) {
                throw AtriumException.conflict("login-taken", "the login name " + loginName + " is taken").localized("login-taken", loginName);
            }
            UserAccount user = new UserAccount();
            user.setLoginName(loginName);
            user.setDisplayName(loginName);
            user.setLanguage("zh-CN");
            user.setPasswordHash(hash, Instant.now());
            user.initialise(RecordIds.next(), Instant.now(), caller);
            user.setOwnerId(user.getId());
            em.persist(user);
            setup.accept(em, user);
            return user;
        });
    }

    /** Forgets cached verified credentials of a user whose rights or status changed. */
    void forget(String userId) {
        verified.forgetUser(userId);
    }

    /** Password policy: at least 10 characters, not the login name, not a single repeated character. */
    static void checkPasswordPolicy(String field, String password, String loginName) {
        if (password == null || password.length() < 10) {
            throw AtriumException.invalid(field, "password-too-short", "must be at least 10 characters long", 10);
        }
        if (password.equalsIgnoreCase(loginName)) {
            throw AtriumException.invalid(field, "password-is-login", "must not be the login name");
        }
        if (password.chars().distinct().count() < 4) {
            throw AtriumException.invalid(field, "password-too-simple", "must use at least 4 different characters", 4);
        }
    }

    private Optional<UserAccount> byLogin(String loginName) {
        return tx(em -> em.createQuery("SELECT u FROM UserAccount u WHERE u.loginName = :l", UserAccount.class)
                .setParameter("l", loginName).getResultList().stream().findFirst());
    }

    private void createFirstAdministrator() {
        long users = tx(em -> em.createQuery("SELECT COUNT(u) FROM UserAccount u", Long.class).getSingleResult());
        if (users > 0) {
            // databases from before the administrator flag: the first admin keeps the administration API
            tx(em -> {
                long admins = em.createQuery("SELECT COUNT(u) FROM UserAccount u WHERE u.administrator = TRUE", Long.class)
                        .getSingleResult();
                if (admins == 0) {
                    em.createQuery("SELECT u FROM UserAccount u WHERE u.loginName = :l", UserAccount.class)
                            .setParameter("l", ADMIN_LOGIN).getResultList().forEach(u -> u.setAdministrator(true));
                }
                return null;
            });
            return;
        }
        String password = firstNonBlank(System.getenv("ATRIUM_ADMIN_PASSWORD"), System.getProperty("atrium.admin.password"));
        boolean generated = password == null;
        if (generated) {
            password = PasswordHasher.newSecret().substring(0, 20);
        }
        String hash = hasher.hash(password);
        tx(em -> {
            UserAccount admin = new UserAccount();
            admin.setLoginName(ADMIN_LOGIN);
            admin.setDisplayName("Administrator");
            admin.setLanguage("en");
            admin.setAdministrator(true);
            admin.setPasswordHash(hash, Instant.now());
            admin.initialise(RecordIds.next(), Instant.now(), Caller.SYSTEM);
            admin.setOwnerId(admin.getId());
            em.persist(admin);
            return null;
        });
        if (generated) {
            Path file = Paths.get(System.getProperty("karaf.data", "data"), "initial-admin-password");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the data folder's own permissions apply
                }
            } catch (IOException e) {
                LOG.error("could not write {}", file, e);
            }
            LOG.warn("Created the first administrator '{}' with the generated password {} (also in {}); change it after logging in",
                    ADMIN_LOGIN, password, file);
        } else {
            LOG.info("Created the first administrator '{}' with the password from ATRIUM_ADMIN_PASSWORD", ADMIN_LOGIN);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private <R> R tx(EmFunction<R> work) {
        return Transactions.required(jpa, work);
    }
}
