package org.atriumcrm.connectors.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Table;
import javax.persistence.Transient;

import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/**
 * A connection to an ERP or a shop: its type, settings (a JSON object of strings, as the type describes them), a
 * secret and the type's secret settings kept sealed and never read back through the API, and whether it runs. The last test's outcome is the
 * platform's bookkeeping, written without a new version.
 */
@Entity(name = "Connector")
@Table(name = "ATRIUM_CONNECTOR")
public class Connector extends BaseRecord {
    static final String ACTIVE = "active";
    static final String PAUSED = "paused";

    @Column(name = "NAME", length = 200)
    private String name;
    @Column(name = "CONNECTOR_TYPE", length = 60)
    private String type;
    @Column(name = "SETTINGS", length = 8000)
    private String settings;
    @Column(name = "SECRET_CIPHER", length = 2000)
    private String secretCipher;
    /** The type's sealed settings ({@code ConnectorType#sealedSettings}), a JSON object sealed as one secret. */
    @Column(name = "SEALED_SETTINGS", length = 4000)
    private String sealedSettings;
    /** Their names, for the API to say which are set. */
    @Column(name = "SEALED_NAMES", length = 500)
    private String sealedNames;
    @Column(name = "STATUS", length = 10)
    private String status;
    @Convert(converter = InstantConverter.class)
    @Column(name = "LAST_TESTED_AT")
    private Instant lastTestedAt;
    @Column(name = "LAST_TEST_OK")
    private Boolean lastTestOk;
    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;
    @Transient
    private String newSecret;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getSettings() { return settings; }
    public void setSettings(String settings) { this.settings = settings; }
    String getSealedSettings() { return sealedSettings; }
    void setSealedSettings(String sealedSettings) { this.sealedSettings = sealedSettings; }
    public String getSealedNames() { return sealedNames; }
    void setSealedNames(String sealedNames) { this.sealedNames = sealedNames; }
    String getSecretCipher() { return secretCipher; }
    void setSecretCipher(String secretCipher) { this.secretCipher = secretCipher; }
    public String getStatus() { return status; }
    void setStatus(String status) { this.status = status; }
    public Instant getLastTestedAt() { return lastTestedAt; }
    public Boolean getLastTestOk() { return lastTestOk; }
    public String getLastError() { return lastError; }

    /** The plain secret a client just sent, sealed by the store before the row is written. */
    String takeNewSecret() {
        String s = newSecret;
        newSecret = null;
        return s;
    }

    public void setSecret(String secret) { this.newSecret = secret; }
    public Boolean getHasSecret() { return secretCipher != null; }

    boolean isActive() {
        return ACTIVE.equals(status) && !isDeleted();
    }
}
