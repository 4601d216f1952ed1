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
    }

    @Override
    public Optional<Caller> authenticatePassword(String loginName, String password) {
        String key = VerifiedCredentials.key(loginName, password);
        long now = System.currentTimeMillis();
        Optional<Caller> cached = verified.lookup(key, now);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<UserAccount> user = byLogin(loginName);
        String hash = user.map(UserAccount::getPasswordHash).orElse(decoyHash);
        boolean ok = hasher.verify(password, hash);
        if (!ok || user.isEmpty() || !user.get().isActive()) {
            LOG.info("failed login for '{}'", loginName.replaceAll("[\\r\\n]", "_"));
            return Optional.empty();
        }
        Caller caller = new Caller(user.get().getId(), user.get().getLoginName(), user.get().isAdministrator());
        verified.remember(key, caller, now);
        return Optional.of(caller);
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

    List<UserAccount> users() {
        return tx(em -> em.createQuery("SELECT u FROM UserAccount u WHERE u.deletedAt IS NULL ORDER BY u.loginName",
                UserAccount.class).getResultList());
    }

    /** Creates a user; 409 when the login name is taken. */
    UserAccount createUser(String loginName, String displayName, String email, String password, boolean administrator,
            Caller caller) {
        String hash = hasher.hash(password);
        return tx(em -> {
            if (!em.createQuery("SELECT u.id FROM UserAccount u WHERE u.loginName = :l").setParameter("l", loginName)
                    .getResultList().isEmpty()) {
                throw AtriumException.conflict("login-taken", "the login name " + loginName + " is taken");
            }
            UserAccount user = new UserAccount();
            user.setLoginName(loginName);
            user.setDisplayName(displayName);
            user.setEmail(email);
            user.setLanguage("zh-CN");
            user.setAdministrator(administrator);
            user.setPasswordHash(hash, Instant.now());
            user.initialise(RecordIds.next(), Instant.now(), caller);
            user.setOwnerId(user.getId());
            em.persist(user);
            return user;
        });
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
