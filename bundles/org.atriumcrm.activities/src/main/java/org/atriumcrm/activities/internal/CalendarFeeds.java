package org.atriumcrm.activities.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.persistence.api.RecordIds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The users' iCalendar feeds: a secret token per user (32 bytes from {@link SecureRandom}, base64url: 43 characters),
 * kept as its SHA-256 digest. A token is a bearer secret for reading one calendar, nothing else.
 */
@Component(service = CalendarFeeds.class)
public class CalendarFeeds {
    static final int TOKEN_BYTES = 32;
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** The feed shows what ended at most this long ago, and everything ahead. */
    static final Duration PAST = Duration.ofDays(92);
    static final int MAX_ACTIVITIES = 2000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final ActivityStore activities;

    @Activate
    public CalendarFeeds(@Reference ActivityStore activities,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ActivityTypes.MODULE + ")") ModuleGate gate) {
        this.activities = activities;
    }

    /** A user's new feed token, shown once; the user's earlier feeds are revoked in the same transaction. */
    record Created(String token, Instant createdAt) {
    }

    Created rotate(String userId) {
        byte[] secret = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now();
        activities.inTx(em -> {
            em.createQuery("UPDATE CalendarFeed f SET f.revokedAt = :now WHERE f.userId = :user AND f.revokedAt IS NULL")
                    .setParameter("now", now).setParameter("user", userId).executeUpdate();
            em.persist(new CalendarFeed(RecordIds.next(), userId, digest(token), now));
            return null;
        });
        return new Created(token, now);
    }

    /** Revokes the user's feeds; the number revoked. */
    int revoke(String userId) {
        Instant now = Instant.now();
        return activities.inTx(em -> em.createQuery("UPDATE CalendarFeed f SET f.revokedAt = :now WHERE f.userId = :user AND f.revokedAt IS NULL")
                .setParameter("now", now).setParameter("user", userId).executeUpdate());
    }

    /** The user whose live feed {@code token} opens; empty for an unknown, malformed or revoked one. */
    Optional<String> userOf(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String digest = digest(token);
        List<String> users = activities.inTx(em -> em.createQuery("SELECT f.userId FROM CalendarFeed f WHERE f.tokenDigest = :d"
                + " AND f.revokedAt IS NULL", String.class).setParameter("d", digest).getResultList());
        return users.stream().findFirst();
    }

    /** The .ics of the user's activities (owned by the user), from {@link #PAST} ago on. */
    String calendarOf(String userId) {
        List<Activity> mine = activities.inWindow(userId, Instant.now().minus(PAST), Instant.parse("9999-12-31T00:00:00Z"), MAX_ACTIVITIES);
        return IcsFeed.render(mine, activities.changesOf(mine.stream().map(Activity::getId).toList()));
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
