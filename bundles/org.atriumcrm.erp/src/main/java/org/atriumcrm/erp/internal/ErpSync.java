package org.atriumcrm.erp.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.integration.api.InboundReceipts;
import org.atriumcrm.persistence.api.RecordIds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a connector's routes do, whatever its adapter: send the due messages of the outbox, pull what changed at the
 * ERP and apply it, and reconcile (compare counts and checksums of what the ERP holds with the CRM, log the result,
 * re-sync the differences the ERP owns).
 */
@Component(service = ErpSync.class)
public class ErpSync {
    private static final Logger LOG = LoggerFactory.getLogger(ErpSync.class);
    private static final int BATCH = 50;

    private final ErpOutbox outbox;
    private final ErpInbound inbound;
    private final JpaTemplate jpa;
    private final Catalog catalog;

    @Activate
    public ErpSync(@Reference ErpOutbox outbox, @Reference ErpInbound inbound, @Reference Catalog catalog,
            @Reference(target = "(osgi.unit.name=" + ErpTypes.UNIT + ")") JpaTemplate jpa,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ErpTypes.MODULE + ")") ModuleGate gate) {
        this.outbox = outbox;
        this.inbound = inbound;
        this.catalog = catalog;
        this.jpa = jpa;
    }

    /**
     * Sends the connector's due messages in order. A retryable failure (the ERP is away) ends the pass: the next
     * messages would only fail the same way, and those of the same order must wait anyway.
     */
    public int drain(ConnectorConfig config, ErpAdapter adapter, org.apache.camel.CamelContext camel) {
        int sent = 0;
        for (ErpMessage m : outbox.next(config.id(), BATCH)) {
            try {
                JsonNode body = Canonical.JSON.readTree(m.getPayload());
                adapter.send(config, new Canonical(m.getKind(), m.getRecordId(), (ObjectNode) body), camel);
                outbox.delivered(m);
                sent++;
            } catch (ErpFailure f) {
                outbox.failed(m, f);
                if (f.retryable()) {
                    return sent;
                }
            } catch (java.io.IOException | RuntimeException e) {
                outbox.failed(m, ErpFailure.retry("not sent", e));
                return sent;
            }
        }
        return sent;
    }

    /** Applies what the adapter pulled since the connector's cursor; the cursor moves only past what was applied. */
    public void pull(ConnectorConfig config, ErpAdapter adapter) throws ErpFailure {
        String cursorKey = "erp-pull:" + config.id();
        String cursor = jpa.txExpr(em -> InboundReceipts.position(em, cursorKey));
        ErpAdapter.Pull pulled = adapter.pull(config, cursor);
        for (Canonical m : pulled.messages()) {
            try {
                inbound.apply(config, m);
            } catch (ErpFailure bad) {
                // a bad record among good ones: logged and skipped, as a file's bad line is; the next change at the ERP brings it again
                LOG.warn("connector {}: {} {} not applied: {}", config.name(), m.kind(), m.key(), bad.getMessage());
            }
        }
        if (pulled.cursor() != null && !pulled.cursor().equals(cursor)) {
            jpa.tx(em -> InboundReceipts.position(em, cursorKey, pulled.cursor()));
        }
    }

    /**
     * Applies the messages of one inbound file or batch (all lines first checked: a file with a bad line is refused
     * whole, so it can be corrected and dropped again); returns how many changed something.
     */
    public int applyAll(ConnectorConfig config, List<Canonical> messages) throws ErpFailure {
        int changed = 0;
        for (Canonical m : messages) {
            if (inbound.apply(config, m) != ErpInbound.Outcome.UNCHANGED) {
                changed++;
            }
        }
        return changed;
    }

    /** Whether a file (by name and content checksum) was applied already on this connector; the receipt is kept after. */
    public boolean seen(ConnectorConfig config, String messageKey) {
        return jpa.txExpr(em -> InboundReceipts.received(em, config.id(), messageKey));
    }

    public void received(ConnectorConfig config, String messageKey, String status) {
        jpa.tx(em -> InboundReceipts.recordIfAbsent(em, ErpTypes.CHANNEL, config.id(), messageKey, status, null));
    }

    /**
     * Compares every inbound kind the adapter can list with the CRM: counts, a SHA-256 over the sorted SKU → value pairs
     * on each side, the keys missing or different; with {@code resync} the ERP's values are applied under the
     * connector's rules. One {@link ErpReconciliation} per kind.
     */
    public List<ErpReconciliation> reconcile(ConnectorConfig config, ErpAdapter adapter, boolean resync) {
        List<ErpReconciliation> results = new ArrayList<>();
        for (String kind : List.of(Canonical.PRODUCT, Canonical.PRICE)) {
            ErpReconciliation r = new ErpReconciliation();
            r.initialise(RecordIds.next(), Instant.now(), Caller.SYSTEM);
            r.setOwnerId(Caller.SYSTEM.userId());
            r.setConnectorId(config.id());
            r.setRecordEntity(kind);
            try {
                Optional<List<Canonical>> listed = adapter.snapshot(config, kind);
                if (listed.isEmpty()) {
                    continue;
                }
                compare(config, kind, listed.get(), r, resync);
            } catch (ErpFailure | RuntimeException e) {
                r.setStatus(ErpReconciliation.FAILED);
                r.setSample(e.getMessage() == null ? e.toString() : e.getMessage().length() > 1900 ? e.getMessage().substring(0, 1900) : e.getMessage());
            }
            jpa.tx(em -> em.persist(r));
            results.add(r);
        }
        return results;
    }

    private void compare(ConnectorConfig config, String kind, List<Canonical> erpSide, ErpReconciliation r, boolean resync) throws ErpFailure {
        Map<String, String> erp = new TreeMap<>();
        Map<String, String> crm = new TreeMap<>();
        List<String> sample = new ArrayList<>();
        long missing = 0;
        long different = 0;
        long fixed = 0;
        for (Canonical m : erpSide) {
            String sku = m.text("sku");
            if (sku == null) {
                continue;
            }
            String value = value(kind, m);
            erp.put(sku, value);
            Optional<Catalog.Item> item = catalog.itemBySku(sku);
            String ours = item.map(i -> value(kind, i, m.text("currency") != null)).orElse(null);
            if (ours != null) {
                crm.put(sku, ours);
            }
            if (ours == null || !ours.equals(value)) {
                if (ours == null) {
                    missing++;
                } else {
                    different++;
                }
                if (sample.size() < 20) {
                    sample.add(sku);
                }
                if (resync && (ours != null || kind.equals(Canonical.PRODUCT))) {
                    try {
                        if (inbound.apply(config, m) != ErpInbound.Outcome.UNCHANGED) {
                            fixed++;
                        }
                    } catch (ErpFailure bad) {
                        LOG.warn("connector {}: re-sync of {} {} failed: {}", config.name(), kind, sku, bad.getMessage());
                    }
                }
            }
        }
        r.setErpCount((long) erp.size());
        r.setCrmCount((long) crm.size());
        r.setErpChecksum(checksum(erp));
        r.setCrmChecksum(checksum(crm));
        r.setMissingInCrm(missing);
        r.setDifferent(different);
        r.setResynced(fixed);
        r.setSample(String.join(", ", sample));
        r.setStatus(missing == 0 && different == 0 ? ErpReconciliation.IN_STEP : ErpReconciliation.DRIFT);
    }

    /** The value compared for a kind: the name for products, the list price (no trailing zeros) and currency for prices. */
    private static String value(String kind, Canonical m) {
        if (kind.equals(Canonical.PRODUCT)) {
            return String.valueOf(m.text("name"));
        }
        try {
            var price = m.decimal("listPrice");
            return (price == null ? "" : price.stripTrailingZeros().toPlainString()) + (m.text("currency") == null ? "" : " " + m.text("currency"));
        } catch (ErpFailure e) {
            return "?";
        }
    }

    /** The CRM's side of {@link #value(String, Canonical)}: the currency compared only when the ERP names one. */
    private static String value(String kind, Catalog.Item item, boolean withCurrency) {
        if (kind.equals(Canonical.PRODUCT)) {
            return String.valueOf(item.name());
        }
        return (item.listPrice() == null ? "" : item.listPrice().stripTrailingZeros().toPlainString())
                + (withCurrency ? " " + Optional.ofNullable(item.currency()).orElse("") : "");
    }

    private static String checksum(Map<String, String> pairs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            pairs.forEach((k, v) -> sha.update((k + "\t" + v + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
