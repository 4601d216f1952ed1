package org.atriumcrm.connectors.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.connectors.api.ConnectorSetting;
import org.atriumcrm.connectors.api.ConnectorType;
import org.atriumcrm.integration.api.secret.Secrets;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Connectors as records. Settings are a JSON object of strings, checked against the type's settings while the type
 * is registered; a connector of a type whose module is disabled keeps its settings and can still be edited. The
 * secret is sealed before the row is written and never read back through the API. Changes reach the running
 * connectors through the store's domain events ({@code atrium/Connector/*}).
 */
@Component(service = {RecordStore.class, ConnectorStore.class}, property = RecordStore.ENTITY_PROPERTY + "=Connector")
public class ConnectorStore extends JpaRecordStore<Connector> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Secrets secrets;
    private final ConnectorTypeRegistry types;

    @Activate
    public ConnectorStore(@Reference(target = "(osgi.unit.name=atrium.connectors)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference Secrets secrets, @Reference ConnectorTypeRegistry types,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ConnectorTypes.MODULE + ")") ModuleGate gate) {
        super(ConnectorTypes.CONNECTOR, jpa, events, ConnectorTypes.ALL);
        this.secrets = secrets;
        this.types = types;
    }

    @Override
    protected void beforeCreate(EntityManager em, Connector connector, Caller caller) {
        if (connector.getSettings() == null || connector.getSettings().isBlank()) {
            connector.setSettings("{}");
        }
        connector.setStatus(Connector.ACTIVE);
        check(connector, true, true);
        seal(connector);
        sealSettings(connector);
    }

    @Override
    protected void beforeUpdate(EntityManager em, Connector connector, Set<String> changedFields, Caller caller) {
        if (changedFields.contains("type")) {
            throw AtriumException.conflict("connector-type-fixed", "a connector's type cannot change: create a new connector")
                    .localized("connector-type-fixed");
        }
        check(connector, changedFields.contains("settings"), false);
        seal(connector);
        if (changedFields.contains("settings")) {
            sealSettings(connector);
        }
    }

    /**
     * Moves the type's secret settings out of the settings into the sealed ones (those already sealed stay unless
     * given anew). With the type not installed, the names sealed before are still recognised.
     */
    private void sealSettings(Connector connector) {
        Set<String> names = new java.util.TreeSet<>(types.find(connector.getType()).map(ConnectorType::sealedSettings).orElse(Set.of()));
        Map<String, String> sealed = sealed(connector);
        names.addAll(sealed.keySet());
        Map<String, String> settings = settings(connector.getSettings());
        boolean moved = false;
        for (String name : names) {
            String value = settings.remove(name);
            if (value != null) {
                moved = true;
                if (value.isEmpty()) {
                    sealed.remove(name);
                } else {
                    sealed.put(name, value);
                }
            }
        }
        if (!moved) {
            return;
        }
        try {
            connector.setSettings(JSON.writeValueAsString(settings));
            connector.setSealedSettings(sealed.isEmpty() ? null : secrets.seal(JSON.writeValueAsString(sealed)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        connector.setSealedNames(sealed.isEmpty() ? null : String.join(", ", new java.util.TreeSet<>(sealed.keySet())));
    }

    /** The connector's sealed settings, opened. */
    private Map<String, String> sealed(Connector connector) {
        return connector.getSealedSettings() == null ? new LinkedHashMap<>() : settings(secrets.open(connector.getSealedSettings()));
    }

    private void seal(Connector connector) {
        String secret = connector.takeNewSecret();
        if (secret != null) {
            connector.setSecretCipher(secret.isEmpty() ? null : secrets.seal(secret));
        }
    }

    private void check(Connector connector, boolean settingsGiven, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> settings = Map.of();
        try {
            settings = settings(connector.getSettings());
        } catch (BadSettings e) {
            errors.add(e.error);
        }
        ConnectorType type = types.find(connector.getType()).orElse(null);
        if (type == null && creating) {
            errors.add(FieldError.of("type", "connector-type-unknown", "no connector type " + connector.getType() + " is installed; installed: " + types.ids(),
                    connector.getType(), types.ids()));
        }
        if (type != null && settingsGiven && errors.isEmpty()) {
            Set<String> sealedNow = connector.getSealedNames() == null ? Set.of() : Set.of(connector.getSealedNames().split(", "));
            for (ConnectorSetting s : type.settings()) {
                if (s.required() && (settings.get(s.name()) == null || settings.get(s.name()).isBlank()) && !sealedNow.contains(s.name())) {
                    errors.add(FieldError.of("settings", "connector-setting-required", "settings." + s.name() + " is required (" + s.label().en() + ", e.g. "
                            + s.example() + ")", s.name(), s.label().zhCN(), s.example()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
    }

    /** Settings that are no JSON object of plain values: what is wrong, as the field error the client gets. */
    static final class BadSettings extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final transient FieldError error;

        BadSettings(FieldError error) {
            super(error.message());
            this.error = error;
        }
    }

    /** A connector's settings as a map; {@link BadSettings} when they are no JSON object of plain values. */
    static Map<String, String> settings(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadSettings(FieldError.of("settings", "connector-settings-json", "not JSON: " + e.getOriginalMessage(), e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new BadSettings(FieldError.of("settings", "connector-settings-object", "must be a JSON object of settings"));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new BadSettings(FieldError.of("settings", "connector-setting-value", "settings." + e.getKey() + " must be a string, number or boolean",
                        e.getKey()));
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** The connectors that should run now (every owner's: connectors are administrative). */
    List<Connector> active() {
        return tx(em -> em.createQuery("SELECT c FROM Connector c WHERE c.deletedAt IS NULL AND c.status = :s", Connector.class)
                .setParameter("s", Connector.ACTIVE).getResultList());
    }

    Connector connector(String id) {
        return tx(em -> em.find(Connector.class, id));
    }

    /** What its type is given: the settings and the opened secret. */
    ConnectorConfig config(Connector c) {
        Map<String, String> settings = settings(c.getSettings());
        settings.putAll(sealed(c));
        return new ConnectorConfig(c.getId(), c.getName(), c.getType(), settings,
                c.getSecretCipher() == null ? "" : secrets.open(c.getSecretCipher()));
    }

    /** Pauses or resumes a connector: a change of its status, in its history and announced like a client's. */
    Connector status(String id, String status, Caller caller) {
        return updateBySystem(id, caller, c -> {
            if (status.equals(c.getStatus())) {
                throw AtriumException.conflict("connector-" + status, "the connector is " + status + " already").localized("connector-already", status);
            }
            c.setStatus(status);
        }, "status");
    }

    /**
     * A test's or a start's outcome on the connector, written without a new version: the platform's bookkeeping must
     * not make an administrator's next edit fail with a stale ETag. In SQL, because EclipseLink's JPQL UPDATE raises
     * the version of a versioned entity; the shared cache forgets the row.
     */
    void outcome(String id, Boolean testOk, String error) {
        String cut = error == null ? null : error.substring(0, Math.min(1000, error.length()));
        tx(em -> {
            int changed = testOk == null
                    ? em.createNativeQuery("UPDATE ATRIUM_CONNECTOR SET LAST_ERROR = ? WHERE ID = ?").setParameter(1, cut).setParameter(2, id).executeUpdate()
                    : em.createNativeQuery("UPDATE ATRIUM_CONNECTOR SET LAST_ERROR = ?, LAST_TEST_OK = ?, LAST_TESTED_AT = ? WHERE ID = ?")
                            .setParameter(1, cut).setParameter(2, testOk).setParameter(3, java.sql.Timestamp.from(Instant.now()))
                            .setParameter(4, id).executeUpdate();
            em.getEntityManagerFactory().getCache().evict(Connector.class, id);
            return changed;
        });
    }
}
