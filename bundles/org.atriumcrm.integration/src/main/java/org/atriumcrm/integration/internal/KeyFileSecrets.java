package org.atriumcrm.integration.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.atriumcrm.integration.api.secret.Secrets;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Secrets (mailbox passwords, connectors' keys) encrypted at rest with AES-256-GCM (the JDK's JCA; nothing
 * hand-made but the file format
 * {@code v1:<iv>:<ciphertext>}). The key is generated once into {@code ${karaf.data}/atrium/secret.key} (owner-only
 * permissions), outside the database: a stolen database dump alone does not reveal the mailboxes. Back the key up
 * with the database; a cluster shares it.
 */
@Component(service = Secrets.class)
public class KeyFileSecrets implements Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    @Activate
    public KeyFileSecrets(BundleContext context) throws IOException {
        String data = System.getProperty("karaf.data");
        this.key = new SecretKeySpec(storedKey(data != null ? new File(data, "atrium/secret.key") : context.getDataFile("secret.key")), "AES");
    }

    KeyFileSecrets(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    @Override
    public String seal(String plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return "v1:" + b64.encodeToString(iv) + ":" + b64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public String open(String sealed) {
        String[] parts = sealed.split(":");
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalStateException("not a sealed secret");
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, b64.decode(parts[1])));
            return new String(cipher.doFinal(b64.decode(parts[2])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the secret cannot be decrypted with this server's key (data/atrium/secret.key)", e);
        }
    }

    private static synchronized byte[] storedKey(File file) throws IOException {
        if (file.isFile() && file.length() == 32) {
            return Files.readAllBytes(file.toPath());
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        file.getParentFile().mkdirs();
        Files.write(file.toPath(), fresh);
        try {
            Files.setPosixFilePermissions(file.toPath(), PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the data directory's own permissions apply
        }
        return fresh;
    }
}
