package org.atriumcrm.security.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.atriumcrm.api.security.Caller;
import org.junit.Test;

public class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(10_000);

    @Test
    public void hashesAreSaltedAndVerify() {
        String a = hasher.hash("s3cret-密码");
        String b = hasher.hash("s3cret-密码");
        assertNotEquals("salted", a, b);
        assertTrue(a.startsWith("pbkdf2-sha256$10000$"));
        assertTrue(hasher.verify("s3cret-密码", a));
        assertFalse(hasher.verify("s3cret-密码 ", a));
        assertFalse(hasher.verify("x", "garbage"));
        assertFalse(hasher.verify("x", null));
    }

    @Test
    public void iterationsAreReadFromTheStoredHash() {
        String old = new PasswordHasher(20_000).hash("pw");
        assertTrue(hasher.verify("pw", old));
    }

    @Test
    public void sha256HexIsStandard() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", PasswordHasher.sha256Hex(""));
    }

    @Test
    public void verifiedCredentialsExpireAndAreForgottenPerUser() {
        VerifiedCredentials cache = new VerifiedCredentials(1000);
        Caller alice = new Caller("u1", "alice");
        String key = VerifiedCredentials.key("alice", "pw");
        assertNotEquals(key, VerifiedCredentials.key("alice", "pw2"));
        cache.remember(key, alice, 0, cache.epoch());
        assertEquals(alice, cache.lookup(key, 999).orElseThrow());
        assertTrue(cache.lookup(key, 1000).isEmpty());
        cache.remember(key, alice, 0, cache.epoch());
        cache.forgetUser("u1");
        assertEquals(0, cache.size());
    }

    @Test
    public void aPasswordVerifiedWhileItsUserWasForgottenIsNotCached() {
        VerifiedCredentials cache = new VerifiedCredentials(60_000);
        Caller alice = new Caller("u1", "alice");
        String key = VerifiedCredentials.key("alice", "pw");
        long before = cache.epoch();
        cache.forgetUser("u1"); // a concurrent burst locked alice while her right password was being verified
        cache.remember(key, alice, 0, before);
        assertTrue("a locked account is not let in by the cache", cache.lookup(key, 1).isEmpty());
        cache.remember(key, alice, 0, cache.epoch());
        assertEquals(alice, cache.lookup(key, 1).orElseThrow());
    }
}
