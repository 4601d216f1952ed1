package org.atriumcrm.erp.internal.kingdee;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atriumcrm.connectors.api.ConnectionCheck;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.erp.internal.Canonical;
import org.atriumcrm.erp.internal.ErpAdapter;
import org.atriumcrm.erp.internal.ErpFailure;
import org.atriumcrm.erp.internal.PullCursor;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * The Kingdee connector type against WireMock playing K/3 Cloud's WebAPI: one stub per service path (LoginByAppSecret,
 * ValidateUser, ExecuteBillQuery, Save, Submit, Audit, UnAudit, Delete), told apart by the form in the body, answering
 * in Kingdee's shapes (LoginResultType, Result.ResponseStatus, rows as arrays). The tests verify what was asked and
 * sent: a customer and an order saved once and found on a repeat, submitted and audited; an unknown material refused in
 * Kingdee's words; a lost session met with one fresh login; a server error and a timeout retryable; materials pulled two
 * pages at a time from a cursor; stock summed per material and stock.
 */
public class KingdeeTypeTest {
    private static final String COMPANY = "上海示例贸易有限公司";
    private static final String PATH = "/K3Cloud/Kingdee.BOS.WebApi.ServicesStub.";
    private static final String LOGIN = PATH + "AuthService.LoginByAppSecret.common.kdsvc";
    private static final String SESSION_LOST = "{\"Result\": {\"ResponseStatus\": {\"ErrorCode\": 500, \"IsSuccess\": false, \"Errors\":"
            + " [{\"FieldName\": null, \"Message\": \"会话信息已丢失，请重新登录\", \"DIndex\": 0}], \"SuccessEntitys\": [], \"SuccessMessages\": [],"
            + " \"MsgCode\": 1}}}";
    private WireMockServer kingdee;
    private KingdeeType type;

    @Before
    public void setUp() {
        kingdee = new WireMockServer(options().dynamicPort());
        kingdee.start();
        type = new KingdeeType(null, null);
        kingdee.stubFor(post(urlEqualTo(LOGIN)).willReturn(loggedIn("s-1")));
    }

    @After
    public void tearDown() {
        kingdee.stop();
    }

    private ConnectorConfig config(String... settings) {
        Map<String, String> s = new HashMap<>(Map.of("url", kingdee.baseUrl() + "/K3Cloud/", "acctId", "64b8e0f2a1b2c3", "username", "crm-api",
                "appId", "312345_xyzABC", "timeoutSeconds", "5"));
        for (int i = 0; i < settings.length; i += 2) {
            s.put(settings[i], settings[i + 1]);
        }
        return new ConnectorConfig("c-kd", "金蝶云星空 正式账套", KingdeeType.ID, s, "app-secret-密钥");
    }

    /** A successful login: the session id in the body and, as the server sets them, in two cookies. */
    private static ResponseDefinitionBuilder loggedIn(String session) {
        return okJson("{\"Message\": null, \"MessageCode\": \"CheckPasswordPolicy\", \"LoginResultType\": 1, \"Context\": {\"UserName\": \"crm-api\","
                + " \"DBid\": \"64b8e0f2a1b2c3\"}, \"KDSVCSessionId\": \"" + session + "\", \"Lcid\": 2052, \"IsSuccessByAPI\": true}")
                .withHeader("Set-Cookie", "kdservice-sessionid=" + session + "; path=/")
                .withHeader("Set-Cookie", "ASP.NET_SessionId=asp-" + session + "; path=/; HttpOnly");
    }

    private static String cookie(String session) {
        return "kdservice-sessionid=" + session + "; ASP.NET_SessionId=asp-" + session;
    }

    private static MappingBuilder form(String service, String formId) {
        return post(urlEqualTo(PATH + "DynamicFormService." + service + ".common.kdsvc")).withRequestBody(matchingJsonPath("$.formid", equalTo(formId)));
    }

    private static MappingBuilder query(String formId) {
        return post(urlEqualTo(PATH + "DynamicFormService.ExecuteBillQuery.common.kdsvc"))
                .withRequestBody(matchingJsonPath("$.data.FormId", equalTo(formId)));
    }

    private static RequestPatternBuilder called(String service, String formId) {
        return postRequestedFor(urlEqualTo(PATH + "DynamicFormService." + service + ".common.kdsvc"))
                .withRequestBody(matchingJsonPath("$.formid", equalTo(formId)));
    }

    private static RequestPatternBuilder queried(String formId) {
        return postRequestedFor(urlEqualTo(PATH + "DynamicFormService.ExecuteBillQuery.common.kdsvc"))
                .withRequestBody(matchingJsonPath("$.data.FormId", equalTo(formId)));
    }

    private static ResponseDefinitionBuilder saved(long id, String number) {
        return okJson("{\"Result\": {\"ResponseStatus\": {\"ErrorCode\": 0, \"IsSuccess\": true, \"Errors\": [], \"SuccessEntitys\": [{\"Id\": " + id
                + ", \"Number\": \"" + number + "\", \"DIndex\": 0}], \"SuccessMessages\": [], \"MsgCode\": 0}, \"Id\": " + id + ", \"Number\": \""
                + number + "\", \"NeedReturnData\": [{}]}}");
    }

    private static ResponseDefinitionBuilder done(String number) {
        return okJson("{\"Result\": {\"ResponseStatus\": {\"ErrorCode\": 0, \"IsSuccess\": true, \"Errors\": [], \"SuccessEntitys\": [{\"Id\": 100200,"
                + " \"Number\": \"" + number + "\", \"DIndex\": 0}], \"SuccessMessages\": [], \"MsgCode\": 0}}}");
    }

    private static Canonical order(String status, String... skus) {
        Canonical m = Canonical.of(Canonical.SALES_ORDER, "so-1");
        ObjectNode b = m.body();
        b.put("id", "so-1").put("number", "SO-2026-0042").put("status", status).put("orderDate", "2026-12-01").put("currency", "CNY")
                .put("messageId", "msg-1");
        b.putObject("customer").put("id", "acc-1").put("name", COMPANY).put("phone", "021-5555 0101").put("taxNumber", "91310000MA1K000000");
        int position = 1;
        for (String sku : skus) {
            b.withArray("lines").addObject().put("position", position++).put("sku", sku).put("productName", "人体工学椅").put("quantity", "2")
                    .put("unitPrice", "1200.00").put("taxRate", "13").put("discountPercent", "5");
        }
        return m;
    }

    @Test
    public void anOrderLogsInSavesItsCustomerAndOrderOnceSubmitsAndAuditsAndARepeatCreatesNothing() throws Exception {
        kingdee.stubFor(query("BD_Customer").inScenario("customer").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        kingdee.stubFor(form("Save", "BD_Customer").inScenario("customer").willReturn(saved(100123, "CRM-acc-1")).willSetStateTo("made"));
        kingdee.stubFor(query("BD_Customer").inScenario("customer").whenScenarioStateIs("made").willReturn(okJson("[[100123]]")));
        kingdee.stubFor(query("SAL_SaleOrder").inScenario("order").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        kingdee.stubFor(form("Save", "SAL_SaleOrder").inScenario("order").willReturn(saved(100200, "SO-2026-0042")).willSetStateTo("made"));
        kingdee.stubFor(query("SAL_SaleOrder").inScenario("order").whenScenarioStateIs("made")
                .willReturn(okJson("[[100200, \"SO-2026-0042\", \"C\"]]")));
        kingdee.stubFor(form("Submit", "SAL_SaleOrder").willReturn(done("SO-2026-0042")));
        kingdee.stubFor(form("Audit", "SAL_SaleOrder").willReturn(done("SO-2026-0042")));

        type.send(config(), order("confirmed", "CHAIR-01"), null);
        type.send(config(), order("confirmed", "CHAIR-01"), null); // the outbox's repeat after a lost answer

        kingdee.verify(1, postRequestedFor(urlEqualTo(LOGIN)).withRequestBody(equalToJson("{\"acctId\": \"64b8e0f2a1b2c3\", \"username\": \"crm-api\","
                + " \"appId\": \"312345_xyzABC\", \"appSecret\": \"app-secret-密钥\", \"lcid\": 2052}")));
        // every call after the login carries the session's cookies
        kingdee.verify(7, postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlMatching(".*DynamicFormService.*"))
                .withHeader("Cookie", equalTo(cookie("s-1"))));
        kingdee.verify(queried("SAL_SaleOrder").withRequestBody(equalToJson("{\"data\": {\"FormId\": \"SAL_SaleOrder\", \"FieldKeys\":"
                + " \"FID,FBillNo,FDocumentStatus\", \"FilterString\": \"FBillNo = 'SO-2026-0042'\", \"OrderString\": \"\", \"TopRowCount\": 0,"
                + " \"StartRow\": 0, \"Limit\": 1}}")));
        kingdee.verify(queried("BD_Customer").withRequestBody(matchingJsonPath("$.data.FilterString",
                equalTo("FNumber = 'CRM-acc-1' AND FUseOrgId.FNumber = '100'"))));
        kingdee.verify(1, called("Save", "BD_Customer").withRequestBody(equalToJson("{\"formid\": \"BD_Customer\", \"data\": {\"IsAutoSubmitAndAudit\": true,"
                + " \"Model\": {\"FCUSTID\": 0, \"FCreateOrgId\": {\"FNumber\": \"100\"}, \"FUseOrgId\": {\"FNumber\": \"100\"}, \"FNumber\": \"CRM-acc-1\","
                + " \"FName\": \"" + COMPANY + "\", \"FTEL\": \"021-5555 0101\", \"FTAXREGISTERCODE\": \"91310000MA1K000000\","
                + " \"FTRADINGCURRID\": {\"FNumber\": \"PRE001\"}}}}")));
        kingdee.verify(1, called("Save", "SAL_SaleOrder"));
        kingdee.verify(called("Save", "SAL_SaleOrder").withRequestBody(equalToJson("{\"formid\": \"SAL_SaleOrder\", \"data\": {\"IsVerifyBaseDataField\": true,"
                + " \"Model\": {\"FID\": 0, \"FBillTypeID\": {\"FNUMBER\": \"XSDD01_SYS\"}, \"FBillNo\": \"SO-2026-0042\", \"FDate\": \"2026-12-01\","
                + " \"FSaleOrgId\": {\"FNumber\": \"100\"}, \"FCustId\": {\"FNumber\": \"CRM-acc-1\"}, \"FSaleOrderFinance\": {\"FSettleCurrId\":"
                + " {\"FNumber\": \"PRE001\"}}, \"FSaleOrderEntry\": [{\"FMaterialId\": {\"FNumber\": \"CHAIR-01\"}, \"FQty\": 2, \"FTaxPrice\": 1200.00,"
                + " \"FEntryTaxRate\": 13, \"FDiscountRate\": 5, \"FEntryNote\": \"人体工学椅\"}]}}}")));
        // submitted and audited once; the repeat finds the order audited and changes nothing
        kingdee.verify(1, called("Submit", "SAL_SaleOrder").withRequestBody(equalToJson("{\"formid\": \"SAL_SaleOrder\", \"data\": {\"Numbers\":"
                + " [\"SO-2026-0042\"]}}")));
        kingdee.verify(1, called("Audit", "SAL_SaleOrder").withRequestBody(matchingJsonPath("$.data.Numbers[0]", equalTo("SO-2026-0042"))));
    }

    @Test
    public void aCustomerIsMadeOnceThenUpdatedInTheFieldsSentByItsId() throws Exception {
        kingdee.stubFor(query("BD_Customer").inScenario("customer").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        kingdee.stubFor(form("Save", "BD_Customer").inScenario("customer").willReturn(saved(100123, "C0001")).willSetStateTo("made"));
        kingdee.stubFor(query("BD_Customer").inScenario("customer").whenScenarioStateIs("made").willReturn(okJson("[[100123]]")));
        Canonical customer = Canonical.of(Canonical.CUSTOMER, "acc-1");
        customer.body().put("id", "acc-1").put("name", COMPANY).put("billingAddress", "上海市浦东新区\n世纪大道 100 号").put("currency", "CNY");
        ConnectorConfig config = config("customers", "acc-1=C0001", "org", "200");

        type.send(config, customer, null);
        type.send(config, customer, null);

        kingdee.verify(2, queried("BD_Customer").withRequestBody(matchingJsonPath("$.data.FilterString",
                equalTo("FNumber = 'C0001' AND FUseOrgId.FNumber = '200'"))));
        kingdee.verify(2, called("Save", "BD_Customer"));
        kingdee.verify(1, called("Save", "BD_Customer").withRequestBody(matchingJsonPath("$.data.Model.FNumber", equalTo("C0001")))
                .withRequestBody(matchingJsonPath("$.data.Model.FADDRESS", equalTo("上海市浦东新区, 世纪大道 100 号")))
                .withRequestBody(matchingJsonPath("$.data.Model.FCreateOrgId.FNumber", equalTo("200"))));
        // the repeat updates the customer found, in the fields the CRM keeps, leaving Kingdee's own (currency, org) alone
        kingdee.verify(1, called("Save", "BD_Customer").withRequestBody(equalToJson("{\"formid\": \"BD_Customer\", \"data\": {\"NeedUpDateFields\":"
                + " [\"FName\", \"FADDRESS\"], \"Model\": {\"FCUSTID\": 100123, \"FName\": \"" + COMPANY + "\", \"FADDRESS\": \"上海市浦东新区, 世纪大道 100 号\"}}}")));
    }

    @Test
    public void anUnknownMaterialIsRefusedInKingdeesWordsAndNothingIsSubmitted() throws Exception {
        kingdee.stubFor(query("BD_Customer").willReturn(okJson("[[100123]]")));
        kingdee.stubFor(query("SAL_SaleOrder").willReturn(okJson("[]")));
        kingdee.stubFor(form("Save", "SAL_SaleOrder").willReturn(okJson("{\"Result\": {\"ResponseStatus\": {\"ErrorCode\": 500, \"IsSuccess\": false,"
                + " \"Errors\": [{\"FieldName\": \"FMaterialId\", \"Message\": \"第2行物料编码 GHOST-9 不存在或未审核\", \"DIndex\": 0}],"
                + " \"SuccessEntitys\": [], \"SuccessMessages\": [], \"MsgCode\": 11}, \"Id\": \"\", \"Number\": \"\", \"NeedReturnData\": []}}")));
        try {
            type.send(config(), order("confirmed", "CHAIR-01", "GHOST-9"), null);
            fail("an order with an unknown material was sent");
        } catch (ErpFailure f) {
            assertFalse(f.getMessage(), f.retryable());
            assertTrue(f.getMessage(), f.getMessage().contains("FMaterialId: 第2行物料编码 GHOST-9 不存在或未审核"));
        }
        kingdee.verify(0, called("Save", "BD_Customer"));
        kingdee.verify(0, called("Submit", "SAL_SaleOrder"));
    }

    @Test
    public void aLostSessionLogsInOnceMoreAndRepeatsTheCallThenGivesUpForNow() throws Exception {
        kingdee.stubFor(post(urlEqualTo(LOGIN)).inScenario("login").whenScenarioStateIs(Scenario.STARTED).willReturn(loggedIn("s-1"))
                .willSetStateTo("again"));
        kingdee.stubFor(post(urlEqualTo(LOGIN)).inScenario("login").whenScenarioStateIs("again").willReturn(loggedIn("s-2")));
        kingdee.stubFor(query("SAL_SaleOrder").withHeader("Cookie", equalTo(cookie("s-1"))).willReturn(okJson("[[" + SESSION_LOST + "]]")));
        kingdee.stubFor(query("SAL_SaleOrder").withHeader("Cookie", equalTo(cookie("s-2"))).willReturn(okJson("[[100200, \"SO-2026-0042\", \"C\"]]")));

        type.send(config(), order("confirmed", "CHAIR-01"), null);

        kingdee.verify(2, postRequestedFor(urlEqualTo(LOGIN)));
        kingdee.verify(2, queried("SAL_SaleOrder"));
        kingdee.verify(1, queried("SAL_SaleOrder").withHeader("Cookie", equalTo(cookie("s-2"))));

        // a session lost again right after the fresh login is Kingdee in trouble: retry later, not a dead letter
        kingdee.stubFor(query("SAL_SaleOrder").willReturn(okJson("[[" + SESSION_LOST + "]]")));
        try {
            type.send(config(), order("confirmed", "CHAIR-01"), null);
            fail("sent without a session");
        } catch (ErpFailure f) {
            assertTrue(f.getMessage(), f.retryable());
            assertTrue(f.getMessage(), f.getMessage().contains("会话信息已丢失"));
        }
        kingdee.verify(3, postRequestedFor(urlEqualTo(LOGIN)));
    }

    @Test
    public void aServerErrorAndATimeoutAreRetryableAndARefusedPasswordIsNot() throws Exception {
        kingdee.stubFor(query("SAL_SaleOrder").inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("<html>Server Error in '/K3Cloud' Application.</html>")).willSetStateTo("slow"));
        kingdee.stubFor(query("SAL_SaleOrder").inScenario("outage").whenScenarioStateIs("slow").willReturn(okJson("[]").withFixedDelay(2500)));
        for (String expected : List.of("HTTP 500", "did not complete")) {
            try {
                type.send(expected.startsWith("HTTP") ? config() : config("timeoutSeconds", "1"), order("confirmed", "CHAIR-01"), null);
                fail("sent during an outage");
            } catch (ErpFailure f) {
                assertTrue(f.getMessage(), f.retryable());
                assertTrue(f.getMessage(), f.getMessage().contains(expected));
            }
        }

        // the password login: ValidateUser, refused with LoginResultType 0 and Kingdee's message
        kingdee.stubFor(post(urlEqualTo(PATH + "AuthService.ValidateUser.common.kdsvc")).willReturn(okJson("{\"Message\": \"用户名或密码错误！\","
                + " \"MessageCode\": null, \"LoginResultType\": 0, \"Context\": null, \"KDSVCSessionId\": null}")));
        try {
            type.send(config("auth", "password", "url", kingdee.baseUrl()), order("confirmed", "CHAIR-01"), null);
            fail("sent without a login");
        } catch (ErpFailure f) {
            assertFalse(f.retryable());
            assertTrue(f.getMessage(), f.getMessage().startsWith("authentication") && f.getMessage().contains("用户名或密码错误"));
        }
        kingdee.verify(postRequestedFor(urlEqualTo(PATH + "AuthService.ValidateUser.common.kdsvc")).withRequestBody(equalToJson(
                "{\"acctID\": \"64b8e0f2a1b2c3\", \"username\": \"crm-api\", \"password\": \"app-secret-密钥\", \"lcid\": 2052}")));
    }

    @Test
    public void aCancelledAuditedOrderIsUnAuditedThenDeletedAndAPaymentIsSkipped() throws Exception {
        kingdee.stubFor(query("SAL_SaleOrder").willReturn(okJson("[[100200, \"SO-2026-0042\", \"C\"]]")));
        kingdee.stubFor(form("UnAudit", "SAL_SaleOrder").willReturn(done("SO-2026-0042")));
        kingdee.stubFor(form("Delete", "SAL_SaleOrder").willReturn(done("SO-2026-0042")));
        type.send(config(), order("cancelled", "CHAIR-01"), null);
        kingdee.verify(1, called("UnAudit", "SAL_SaleOrder").withRequestBody(matchingJsonPath("$.data.Numbers[0]", equalTo("SO-2026-0042"))));
        kingdee.verify(1, called("Delete", "SAL_SaleOrder").withRequestBody(matchingJsonPath("$.data.Numbers[0]", equalTo("SO-2026-0042"))));

        int before = kingdee.getAllServeEvents().size();
        Canonical payment = Canonical.of(Canonical.PAYMENT, "pay-1");
        payment.body().put("number", "PAY-1").put("amount", "2280.00");
        type.send(config(), payment, null);
        Canonical note = Canonical.of(Canonical.DELIVERY_NOTE, "dn-1");
        note.body().put("number", "DN-0007").put("salesOrderNumber", "SO-2026-0042").put("carrier", "顺丰速运");
        type.send(config(), note, null);
        assertEquals(before, kingdee.getAllServeEvents().size());
    }

    @Test
    public void materialsArePulledTwoPagesAtATimeFromTheCursor() throws Exception {
        String page1 = "[[\"CHAIR-01\", \"人体工学椅\", \"黑色 网布\", \"把\", \"A\", \"2026-12-01T08:00:00\"],"
                + " [\"DESK-02\", \"升降桌\", \"1.4m\", \"张\", \"A\", \"2026-12-01T09:30:00.253\"]]";
        String page2 = "[[\"LAMP-03\", \"台灯\", null, \"个\", \"B\", \"2026-12-02T10:00:00\"]]";
        kingdee.stubFor(query("BD_MATERIAL").withRequestBody(matchingJsonPath("$.data.StartRow", equalTo("0"))).willReturn(okJson(page1)));
        kingdee.stubFor(query("BD_MATERIAL").withRequestBody(matchingJsonPath("$.data.StartRow", equalTo("2"))).willReturn(okJson(page2)));
        ConnectorConfig config = config("pageSize", "2", "pull", "product");

        ErpAdapter.Pull first = type.pull(config, null);
        assertEquals(List.of("CHAIR-01", "DESK-02", "LAMP-03"), first.messages().stream().map(Canonical::key).toList());
        Canonical chair = first.messages().get(0);
        assertEquals("人体工学椅", chair.text("name"));
        assertEquals("黑色 网布", chair.text("model"));
        assertEquals("把", chair.text("unit"));
        assertEquals("true", chair.text("active"));
        assertEquals("false", first.messages().get(2).text("active"));
        assertEquals(null, first.messages().get(2).text("model"));
        assertEquals("2026-12-02T10:00:00", PullCursor.parse(first.cursor()).get("BD_MATERIAL"));
        kingdee.verify(queried("BD_MATERIAL").withRequestBody(equalToJson("{\"data\": {\"FormId\": \"BD_MATERIAL\", \"FieldKeys\":"
                + " \"FNumber,FName,FSpecification,FBaseUnitId.FName,FForbidStatus,FModifyDate\", \"FilterString\":"
                + " \"FDocumentStatus = 'C' AND FUseOrgId.FNumber = '100'\", \"OrderString\": \"FModifyDate ASC,FNumber ASC\", \"TopRowCount\": 0,"
                + " \"StartRow\": 2, \"Limit\": 2}}")));
        kingdee.verify(2, queried("BD_MATERIAL"));

        // the next pull asks from the last FModifyDate seen
        kingdee.resetRequests();
        ErpAdapter.Pull next = type.pull(config, first.cursor());
        kingdee.verify(queried("BD_MATERIAL").withRequestBody(matchingJsonPath("$.data.FilterString",
                equalTo("FDocumentStatus = 'C' AND FUseOrgId.FNumber = '100' AND FModifyDate >= '2026-12-02 10:00:00'"))));
        assertEquals(first.cursor(), next.cursor());
    }

    @Test
    public void stockIsSummedPerMaterialAndStockAndPricesComeFromThePriceList() throws Exception {
        kingdee.stubFor(query("STK_Inventory").willReturn(okJson("[[\"CHAIR-01\", \"CK001\", 5.0], [\"CHAIR-01\", \"CK001\", 2.5],"
                + " [\"CHAIR-01\", \"CK002\", 1]]")));
        kingdee.stubFor(query("BD_SAL_PriceList").willReturn(okJson("[[\"CHAIR-01\", 1200.5, \"CNY\", \"2026-12-03T07:00:00\"]]")));
        ErpAdapter.Pull pulled = type.pull(config("pull", "stock,price", "stocks", "CK001=SH01", "priceList", "XSJMB0001"), null);

        List<Canonical> stock = pulled.messages().stream().filter(m -> m.kind().equals(Canonical.STOCK)).toList();
        assertEquals(List.of("CHAIR-01@CK002", "CHAIR-01@SH01"), stock.stream().map(Canonical::key).toList());
        assertEquals("7.5", stock.get(1).text("quantity"));
        assertEquals("SH01", stock.get(1).text("warehouse"));
        assertEquals("1", stock.get(0).text("quantity"));
        kingdee.verify(queried("STK_Inventory").withRequestBody(matchingJsonPath("$.data.FieldKeys", equalTo("FMaterialId.FNumber,FStockId.FNumber,FBaseQty")))
                .withRequestBody(matchingJsonPath("$.data.FilterString", equalTo("FStockOrgId.FNumber = '100'"))));

        Canonical price = pulled.messages().stream().filter(m -> m.kind().equals(Canonical.PRICE)).findFirst().orElseThrow();
        assertEquals("1200.5", price.text("listPrice"));
        assertEquals("CNY", price.text("currency"));
        assertEquals("2026-12-03T07:00:00", PullCursor.parse(pulled.cursor()).get("BD_SAL_PriceList"));
        kingdee.verify(queried("BD_SAL_PriceList").withRequestBody(matchingJsonPath("$.data.FilterString",
                containing("FNumber = 'XSJMB0001' AND FDocumentStatus = 'C'"))));

        Optional<List<Canonical>> prices = type.snapshot(config("priceList", "XSJMB0001"), Canonical.PRICE);
        assertEquals(1, prices.orElseThrow().size());
        assertTrue(type.snapshot(config(), Canonical.PRICE).isEmpty());
        assertTrue(type.snapshot(config(), Canonical.STOCK).isEmpty());
    }

    @Test
    public void theConnectionTestLogsInOnce() {
        List<ConnectionCheck> checks = type.test(config());
        assertEquals(List.of("dns", "connection", "protocol", "authentication"), checks.stream().map(ConnectionCheck::step).toList());
        assertTrue(checks.toString(), checks.stream().allMatch(ConnectionCheck::ok));
        kingdee.verify(1, postRequestedFor(urlEqualTo(LOGIN)));

        kingdee.stubFor(post(urlEqualTo(LOGIN)).willReturn(okJson("{\"Message\": \"应用程序ID或密钥错误\", \"LoginResultType\": 0}")));
        checks = type.test(config());
        assertEquals("authentication", checks.get(3).step());
        assertFalse(checks.get(3).ok());
        assertTrue(checks.get(3).detail(), checks.get(3).detail().contains("应用程序ID或密钥错误"));
        assertEquals("dns", type.test(config("url", "")).get(0).step());
        assertEquals(List.of("authentication"), type.test(config("appId", "")).stream().map(ConnectionCheck::step).toList());
    }
}
