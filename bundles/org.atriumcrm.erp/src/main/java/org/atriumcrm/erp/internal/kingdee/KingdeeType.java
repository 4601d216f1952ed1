package org.atriumcrm.erp.internal.kingdee;

import java.net.URI;
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
 * Kingdee K/3 Cloud (金蝶云星空) through its WebAPI ({@link KingdeeApi}). The connector logs in with a third-party
 * app's id and secret (LoginByAppSecret, the way Kingdee's management console authorises integrations) or, on older
 * installations, with a user's password (ValidateUser); the connector's secret is that app secret or password.
 * Customers go out as BD_Customer, orders as SAL_SaleOrder, submitted and audited when confirmed, deleted when cancelled
 * (see {@link KingdeeOutbound}); delivery notes, invoices and payments are Kingdee's own and are not sent. Materials,
 * one sales price list and stock on hand are pulled ({@link KingdeeInbound}); materials and prices are listed for the
 * reconciliation.
 * <p>
 * Relied on (public documentation and SDKs, read for the protocol):
 * <ul>
 * <li>the K/3 Cloud connector reference of DingTalk's connection platform — Save (BD_Customer fields, NeedUpDateFields,
 * IsVerifyBaseDataField), Submit, Audit, UnAudit, CancelAssign (撤销), Delete by Numbers, ExecuteBillQuery (FieldKeys,
 * FilterString, OrderString, StartRow, Limit ≤ 10000): https://open.dingtalk.com/document/connection/connection-email-overview</li>
 * <li>Kingdee community, "WebAPI接口之【销售订单保存/修改接口】使用指南和实例" (SAL_SaleOrder Save, IsAutoSubmitAndAudit):
 * https://wenku.my7c.com/article/kingdee-k3cloud-154709.html</li>
 * <li>ExecuteBillQuery of BD_MATERIAL (request and the row-array answer): https://blog.csdn.net/weixin_30600615/article/details/114870430</li>
 * <li>login services, session cookies, LoginResultType and the "会话信息已丢失" answer with MsgCode 1, as public SDKs use them:
 * https://github.com/runnning/k3cloud (kernel/api_path.go, kernel/browser.go, response/*.go) and
 * https://github.com/luka-n8n-nodes/n8n-nodes-kingdee (credentials/*.credentials.ts, nodes/help/utils/*.ts), whose
 * README marks the password login deprecated in favour of app authorisation</li>
 * </ul>
 */
@Component(service = ConnectorType.class)
public class KingdeeType extends ErpConnectorType {
    public static final String ID = "kingdee";

    private final ErpHttp http = new ErpHttp();
    private final KingdeeApi api;
    private final KingdeeOutbound outbound;
    private final KingdeeInbound inbound;

    @Activate
    public KingdeeType(@Reference ErpSync sync,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ErpTypes.MODULE + ")") ModuleGate gate) {
        super(sync);
        this.api = new KingdeeApi(http);
        this.outbound = new KingdeeOutbound(api);
        this.inbound = new KingdeeInbound(api);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Label label() {
        return Label.of("Kingdee K/3 Cloud (WebAPI)", "金蝶云星空（WebAPI）");
    }

    @Override
    public List<ConnectorSetting> settings() {
        return withCommon(List.of(
                ConnectorSetting.required("url", "K/3 Cloud address (the connector's secret is the app secret or the password)",
                        "金蝶云星空地址（连接器密钥为应用密钥或密码）", "https://erp.example.cn/K3Cloud"),
                ConnectorSetting.required("acctId", "Data centre (account set) id", "数据中心（账套）ID", "64b8e0f2a1b2c3"),
                ConnectorSetting.required("username", "Kingdee user (the integration user)", "金蝶用户（集成用户）", "crm-api"),
                ConnectorSetting.optional("auth", "Login: appSecret (third-party app authorisation) or password",
                        "登录方式：appSecret（第三方系统登录授权）或 password（用户密码）", "appSecret"),
                ConnectorSetting.optional("appId", "App id of the third-party authorisation (auth appSecret)", "第三方系统登录授权的应用 ID",
                        "312345_xyzABC"),
                ConnectorSetting.optional("lcid", "Language of Kingdee's answers (2052 simplified Chinese, 1033 English)",
                        "金蝶返回信息的语言（2052 简体中文，1033 英文）", "2052"),
                ConnectorSetting.optional("org", "Organisation number (creating, using, selling and stock organisation)",
                        "组织编码（创建、使用、销售及库存组织）", "100"),
                ConnectorSetting.optional("customerPrefix", "Prefix of the customer number made from the CRM account id",
                        "由 CRM 客户 ID 生成客户编码时的前缀", "CRM-"),
                ConnectorSetting.optional("customers", "CRM account ids as existing Kingdee customer numbers",
                        "CRM 客户 ID 与金蝶已有客户编码的对应", "acc-1=C0001, acc-2=C0002"),
                ConnectorSetting.optional("currencies", "Currency codes as Kingdee currency numbers (CNY is PRE001)",
                        "币种代码与金蝶币别编码的对应（CNY 为 PRE001）", "USD=PRE007"),
                ConnectorSetting.optional("billType", "Sales order bill type number", "销售订单单据类型编码", "XSDD01_SYS"),
                ConnectorSetting.optional("autoAudit", "Submit and audit orders confirmed in the CRM", "CRM 已确认的订单自动提交并审核", "true"),
                ConnectorSetting.optional("pricesIncludeTax", "CRM prices include tax (sent as FTaxPrice, else FPrice)",
                        "CRM 价格含税（传含税单价 FTaxPrice，否则传单价 FPrice）", "true"),
                ConnectorSetting.optional("pull", "What is pulled: product, price, stock", "拉取内容：product（物料）、price（价格）、stock（库存）",
                        "product,price,stock"),
                ConnectorSetting.optional("priceList", "Number of the sales price list whose prices are pulled", "拉取价格的销售价目表编码",
                        "XSJMB0001"),
                ConnectorSetting.optional("stocks", "Kingdee stock numbers as CRM warehouse codes (unmapped: the stock number)",
                        "金蝶仓库编码与 CRM 仓库编码的对应（未对应的按仓库编码）", "CK001=SH01, CK002=BJ01"),
                ConnectorSetting.optional("pageSize", "Rows read per query (at most 10000)", "每次查询读取的行数（最多 10000）", "500"),
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
        boolean products = kind.equals(Canonical.PRODUCT);
        // without a price list the connector reads no prices, which is not Kingdee having none
        boolean prices = kind.equals(Canonical.PRICE) && !config.setting("priceList", "").isBlank();
        return products || prices ? Optional.of(inbound.snapshot(config, kind)) : Optional.empty();
    }

    /**
     * dns, connection, tls; protocol: the login service answers as K/3 Cloud's WebAPI does; authentication: whether
     * that login was accepted (the same request, so the test logs in once).
     */
    @Override
    public List<ConnectionCheck> test(ConnectorConfig config) {
        URI base;
        java.net.http.HttpRequest login;
        try {
            base = ErpHttp.address(KingdeeApi.root(config));
        } catch (ErpFailure e) {
            return List.of(ConnectionCheck.failed("dns", e.getMessage()));
        }
        try {
            login = api.loginRequest(config);
        } catch (ErpFailure e) {
            return List.of(ConnectionCheck.failed("authentication", e.getMessage()));
        }
        return http.probe(base, login, answer -> {
            List<ConnectionCheck> checks = new ArrayList<>();
            JsonNode reply;
            try {
                reply = Canonical.JSON.readTree(answer.body());
            } catch (java.io.IOException | RuntimeException e) {
                reply = null;
            }
            if (answer.statusCode() != 200 || reply == null || !reply.has("LoginResultType")) {
                checks.add(ConnectionCheck.failed("protocol", "no K/3 Cloud WebAPI at " + KingdeeApi.root(config) + ": HTTP " + answer.statusCode()));
                return checks;
            }
            checks.add(ConnectionCheck.passed("protocol", "K/3 Cloud WebAPI " + (KingdeeApi.appSecret(config) ? "LoginByAppSecret" : "ValidateUser")));
            KingdeeApi.LoginResult result = KingdeeApi.loginResult(reply);
            if (result.ok()) {
                checks.add(ConnectionCheck.passed("authentication", config.setting("username", "") + " @ " + config.setting("acctId", "")));
            } else {
                checks.add(ConnectionCheck.failed("authentication", result.message()));
            }
            return checks;
        });
    }
}
