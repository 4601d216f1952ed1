package org.atriumcrm.erp.internal.odoo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.connectors.api.ConnectionCheck;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.connectors.api.ConnectorSetting;
import org.atriumcrm.connectors.api.ConnectorType;
import org.atriumcrm.erp.internal.Canonical;
import org.atriumcrm.erp.internal.ErpConnectorType;
import org.atriumcrm.erp.internal.ErpFailure;
import org.atriumcrm.erp.internal.ErpHttp;
import org.atriumcrm.erp.internal.ErpSync;
import org.atriumcrm.erp.internal.ErpTypes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Odoo (8 to 18) through its External API over JSON-RPC. The connector's secret is the user's password or, better,
 * an API key (Odoo 14+, the user's Preferences → Account Security). Customers and orders go out as partners and sale
 * orders, delivery notes and invoices as notes on the order (see {@link OdooOutbound}); products and stock on hand
 * are pulled ({@link OdooInbound}), and products and prices listed for the reconciliation.
 */
@Component(service = ConnectorType.class)
public class OdooType extends ErpConnectorType {
    public static final String ID = "odoo";

    private final ErpHttp http = new ErpHttp();
    private final OdooRpc rpc;
    private final OdooOutbound outbound;
    private final OdooInbound inbound;

    @Activate
    public OdooType(@Reference ErpSync sync,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ErpTypes.MODULE + ")") ModuleGate gate) {
        super(sync);
        this.rpc = new OdooRpc(http);
        this.outbound = new OdooOutbound(rpc);
        this.inbound = new OdooInbound(rpc);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Label label() {
        return Label.of("Odoo (JSON-RPC external API)", "Odoo（JSON-RPC 外部接口）");
    }

    @Override
    public List<ConnectorSetting> settings() {
        return withCommon(List.of(
                ConnectorSetting.required("url", "Odoo address (the connector's secret is the password or API key)",
                        "Odoo 地址（连接器密钥为密码或 API 密钥）", "https://erp.example.cn"),
                ConnectorSetting.required("database", "Odoo database", "Odoo 数据库名", "atrium-prod"),
                ConnectorSetting.required("username", "Odoo user (login)", "Odoo 用户（登录名）", "crm@example.cn"),
                ConnectorSetting.optional("pull", "What is pulled: product, stock", "拉取内容：product（产品）、stock（库存）", "product,stock"),
                ConnectorSetting.optional("locations", "Odoo stock locations as CRM warehouse codes (a location counts with those under it;"
                        + " unmapped: the location's full name)", "Odoo 库位对应的 CRM 仓库编码（含下级库位；未对应的按库位全名）", "WH/Stock=SH01, BJ/Stock=BJ01"),
                ConnectorSetting.optional("pageSize", "Records read per request", "每次请求读取的记录数", "200"),
                ConnectorSetting.optional("timeoutSeconds", "Seconds one request may take", "单次请求超时（秒）", "20")));
    }

    @Override
    protected boolean pulls() {
        return true;
    }

    @Override
    public void send(ConnectorConfig config, Canonical message, CamelContext camel) throws ErpFailure {
        outbound.send(config, message);
    }

    @Override
    public Pull pull(ConnectorConfig config, String cursor) throws ErpFailure {
        return inbound.pull(config, cursor);
    }

    @Override
    public Optional<List<Canonical>> snapshot(ConnectorConfig config, String kind) throws ErpFailure {
        if (!kind.equals(Canonical.PRODUCT) && !kind.equals(Canonical.PRICE)) {
            return Optional.empty();
        }
        return Optional.of(inbound.snapshot(config, kind));
    }

    /** dns, connection, tls; protocol: Odoo's version (asked without credentials); authentication: the login. */
    @Override
    public List<ConnectionCheck> test(ConnectorConfig config) {
        URI base;
        URI endpoint;
        try {
            base = ErpHttp.address(ErpHttp.base(config.setting("url", "")));
            endpoint = ErpHttp.address(OdooRpc.url(config));
        } catch (ErpFailure e) {
            return List.of(ConnectionCheck.failed("dns", e.getMessage()));
        }
        String version = "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"service\":\"common\",\"method\":\"version\",\"args\":[]},\"id\":0}";
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(ErpHttp.timeout(config))
                .header("Content-Type", "application/json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(version, StandardCharsets.UTF_8))
                .build();
        return http.probe(base, request, answer -> {
            List<ConnectionCheck> checks = new ArrayList<>();
            JsonNode reply;
            try {
                reply = Canonical.JSON.readTree(answer.body());
            } catch (java.io.IOException | RuntimeException e) {
                reply = null;
            }
            if (answer.statusCode() != 200 || reply == null || !reply.has("result")) {
                checks.add(ConnectionCheck.failed("protocol", "no Odoo JSON-RPC at " + OdooRpc.url(config) + ": HTTP " + answer.statusCode()));
                return checks;
            }
            checks.add(ConnectionCheck.passed("protocol", "Odoo " + reply.path("result").path("server_version").asText("?")));
            try {
                long uid = rpc.login(config);
                checks.add(ConnectionCheck.passed("authentication", config.setting("username", "") + " is uid " + uid));
            } catch (ErpFailure f) {
                checks.add(ConnectionCheck.failed("authentication", f.getMessage()));
            }
            return checks;
        });
    }
}
