package org.atriumcrm.erp.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.connectors.api.ConnectorDirectory;
import org.atriumcrm.connectors.api.ConnectorSetting;
import org.atriumcrm.connectors.api.ConnectorType;

/**
 * What every ERP connector type shares: the settings of what is sent and who wins a conflict, and the routes — the
 * outbox sent every second, what changed at the ERP pulled every {@code pullMinutes} (for adapters that pull), and
 * the reconciliation every {@code reconcileHours} (0: only when an administrator asks).
 */
public abstract class ErpConnectorType implements ConnectorType, ErpAdapter {
    /** The ERP types of this module; the events go to every active connector of these. */
    public static final List<String> TYPES = List.of("erp-file", "odoo", "erp-http", "kingdee");

    protected final ErpSync sync;

    protected ErpConnectorType(ErpSync sync) {
        this.sync = sync;
    }

    static List<ConnectorConfig> active(ConnectorDirectory connectors) {
        List<ConnectorConfig> all = new ArrayList<>();
        for (String type : TYPES) {
            all.addAll(connectors.activeOfType(type));
        }
        return all;
    }

    /** The settings every ERP type has, after the type's own. */
    protected static List<ConnectorSetting> withCommon(List<ConnectorSetting> own) {
        List<ConnectorSetting> all = new ArrayList<>(own);
        all.add(ConnectorSetting.optional("send", "What is sent (customer, salesOrder, deliveryNote, invoice, payment)",
                "发送内容（customer, salesOrder, deliveryNote, invoice, payment）", String.join(",", Canonical.OUTBOUND)));
        all.add(ConnectorSetting.optional("conflict.product", "Who wins product data: erp or crm", "产品资料冲突时以哪方为准：erp 或 crm", "erp"));
        all.add(ConnectorSetting.optional("conflict.prices", "Who wins prices: erp or crm", "价格冲突时以哪方为准：erp 或 crm", "erp"));
        all.add(ConnectorSetting.optional("conflict.stock", "Who wins stock levels: erp or crm", "库存冲突时以哪方为准：erp 或 crm", "erp"));
        all.add(ConnectorSetting.optional("warehouse", "Warehouse code for stock levels that name none", "未指定仓库的库存所属仓库编码", "WH01"));
        all.add(ConnectorSetting.optional("ownerId", "Owner of the products it makes (user or group id)", "所建产品的负责人（用户或组 ID）", ""));
        all.add(ConnectorSetting.optional("pullMinutes", "Minutes between pulls of changes from the ERP", "从 ERP 拉取变更的间隔（分钟）", "5"));
        all.add(ConnectorSetting.optional("reconcileHours", "Hours between reconciliations (0: on request only)", "对账间隔（小时，0 表示仅手动）", "24"));
        return all;
    }

    @Override
    public RoutesBuilder routes(ConnectorConfig config) {
        ErpConnectorType adapter = this;
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("scheduler:" + config.routePrefix() + "outbound?delay=1000&initialDelay=500")
                        .routeId(config.routePrefix() + "outbound")
                        .process(exchange -> sync.drain(config, adapter, exchange.getContext()));
                if (adapter.pulls()) {
                    long minutes = Math.max(1, Long.parseLong(config.setting("pullMinutes", "5")));
                    from("scheduler:" + config.routePrefix() + "pull?delay=" + minutes * 60_000 + "&initialDelay=2000")
                            .routeId(config.routePrefix() + "pull")
                            .process(exchange -> sync.pull(config, adapter));
                }
                long hours = Long.parseLong(config.setting("reconcileHours", "24"));
                if (hours > 0) {
                    from("scheduler:" + config.routePrefix() + "reconcile?delay=" + hours * 3_600_000 + "&initialDelay=" + hours * 3_600_000)
                            .routeId(config.routePrefix() + "reconcile")
                            .process(exchange -> sync.reconcile(config, adapter, true));
                }
                moreRoutes(this, config);
            }
        };
    }

    /** Whether {@link #pull} asks the ERP for changes (a pull route is made). */
    protected boolean pulls() {
        return false;
    }

    /** A type's own routes (each id starting with the connector's route prefix). */
    protected void moreRoutes(RouteBuilder routes, ConnectorConfig config) {
    }
}
