package org.atriumcrm.erp.internal.odoo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * The Odoo connector type against WireMock playing Odoo's {@code /jsonrpc}: each stub answers one service, model and
 * method (matched in the request body), and the test verifies which calls were made — a partner and an order made
 * once and found on a repeat, a SKU Odoo lacks refused, a server error, a timeout and a refused connection
 * retryable, an access error retried once after a fresh login, products and stock pulled page by page from a cursor.
 */
public class OdooTypeTest {
    private static final String COMPANY = "上海示例贸易有限公司";
    private WireMockServer odoo;
    private OdooType type;

    @Before
    public void setUp() {
        odoo = new WireMockServer(options().dynamicPort());
        odoo.start();
        type = new OdooType(null, null);
        odoo.stubFor(rpc("common", "login").willReturn(result("7")));
    }

    @After
    public void tearDown() {
        odoo.stop();
    }

    private ConnectorConfig config(String... settings) {
        Map<String, String> s = new HashMap<>(Map.of("url", odoo.baseUrl() + "/", "database", "atrium", "username", "crm@example.cn",
                "timeoutSeconds", "5"));
        for (int i = 0; i < settings.length; i += 2) {
            s.put(settings[i], settings[i + 1]);
        }
        return new ConnectorConfig("c-odoo", "Odoo 生产库", OdooType.ID, s, "api-key-密钥");
    }

    private static MappingBuilder rpc(String service, String method) {
        return post(urlEqualTo("/jsonrpc")).withRequestBody(matchingJsonPath("$.params.service", equalTo(service)))
                .withRequestBody(matchingJsonPath("$.params.method", equalTo(method)));
    }

    /** object.execute_kw of {@code model}.{@code method}. */
    private static MappingBuilder kw(String model, String method) {
        return rpc("object", "execute_kw").withRequestBody(matchingJsonPath("$.params.args[3]", equalTo(model)))
                .withRequestBody(matchingJsonPath("$.params.args[4]", equalTo(method)));
    }

    private static RequestPatternBuilder called(String model, String method) {
        return postRequestedFor(urlEqualTo("/jsonrpc")).withRequestBody(matchingJsonPath("$.params.args[3]", equalTo(model)))
                .withRequestBody(matchingJsonPath("$.params.args[4]", equalTo(method)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder result(String json) {
        return okJson("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": " + json + "}");
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
                    .put("unitPrice", "1200.00").put("discountPercent", "5");
        }
        return m;
    }

    @Test
    public void anOrderMakesItsPartnerAndSaleOrderOnceAndARepeatFindsThem() throws Exception {
        odoo.stubFor(kw("res.partner", "search").inScenario("partner").whenScenarioStateIs(Scenario.STARTED).willReturn(result("[]")));
        odoo.stubFor(kw("res.partner", "create").inScenario("partner").willReturn(result("41")).willSetStateTo("made"));
        odoo.stubFor(kw("res.partner", "search").inScenario("partner").whenScenarioStateIs("made").willReturn(result("[41]")));
        odoo.stubFor(kw("sale.order", "search_read").inScenario("order").whenScenarioStateIs(Scenario.STARTED).willReturn(result("[]")));
        odoo.stubFor(kw("sale.order", "create").inScenario("order").willReturn(result("99")).willSetStateTo("made"));
        odoo.stubFor(kw("sale.order", "search_read").inScenario("order").whenScenarioStateIs("made")
                .willReturn(result("[{\"id\": 99, \"state\": \"sale\"}]")));
        odoo.stubFor(kw("product.product", "search_read").willReturn(result("[{\"id\": 501, \"default_code\": \"CHAIR-01\"}]")));
        odoo.stubFor(kw("sale.order", "action_confirm").willReturn(result("true")));

        type.send(config(), order("confirmed", "CHAIR-01"), null);
        type.send(config(), order("confirmed", "CHAIR-01"), null); // the outbox's repeat after a lost answer

        odoo.verify(1, postRequestedFor(urlEqualTo("/jsonrpc")).withRequestBody(matchingJsonPath("$.params.method", equalTo("login")))
                .withRequestBody(equalToJson("{\"params\": {\"args\": [\"atrium\", \"crm@example.cn\", \"api-key-密钥\"]}}", true, true)));
        odoo.verify(1, called("res.partner", "create").withRequestBody(matchingJsonPath("$.params.args[5][0].name", equalTo(COMPANY)))
                .withRequestBody(matchingJsonPath("$.params.args[5][0].ref", equalTo("acc-1")))
                .withRequestBody(matchingJsonPath("$.params.args[5][0].vat", equalTo("91310000MA1K000000"))));
        // the partner is looked for by our account id among companies, archived ones too, so none is made twice
        odoo.verify(called("res.partner", "search").withRequestBody(equalToJson(
                "{\"params\": {\"args\": [\"atrium\", 7, \"api-key-密钥\", \"res.partner\", \"search\", [[[\"ref\", \"=\", \"acc-1\"], [\"parent_id\", \"=\", false]]],"
                        + " {\"limit\": 1, \"context\": {\"active_test\": false}}]}}", true, true)));
        odoo.verify(2, called("sale.order", "search_read").withRequestBody(
                matchingJsonPath("$.params.args[5][0][0]", equalToJson("[\"client_order_ref\", \"=\", \"SO-2026-0042\"]"))));
        odoo.verify(1, called("sale.order", "create"));
        odoo.verify(called("sale.order", "create").withRequestBody(equalToJson("{\"params\": {\"args\": [\"atrium\", 7, \"api-key-密钥\", \"sale.order\","
                + " \"create\", [{\"partner_id\": 41, \"client_order_ref\": \"SO-2026-0042\", \"date_order\": \"2026-12-01 00:00:00\", \"order_line\":"
                + " [[0, 0, {\"product_id\": 501, \"name\": \"人体工学椅\", \"product_uom_qty\": 2, \"price_unit\": 1200.00, \"discount\": 5}]]}], {}]}}",
                false, true)));
        // confirmed at once; the repeat finds the order confirmed already and changes nothing
        odoo.verify(1, called("sale.order", "action_confirm").withRequestBody(matchingJsonPath("$.params.args[5][0][0]", equalTo("99"))));
    }

    @Test
    public void aSkuOdooLacksRefusesTheOrderAndMakesNothing() throws Exception {
        odoo.stubFor(kw("res.partner", "search").willReturn(result("[41]")));
        odoo.stubFor(kw("sale.order", "search_read").willReturn(result("[]")));
        odoo.stubFor(kw("product.product", "search_read").willReturn(result("[{\"id\": 501, \"default_code\": \"CHAIR-01\"}]")));
        try {
            type.send(config(), order("confirmed", "CHAIR-01", "GHOST-9"), null);
            fail("an order with an unknown SKU was sent");
        } catch (ErpFailure f) {
            assertFalse(f.retryable());
            assertTrue(f.getMessage(), f.getMessage().contains("GHOST-9") && !f.getMessage().contains("CHAIR-01"));
        }
        odoo.verify(called("product.product", "search_read").withRequestBody(
                matchingJsonPath("$.params.args[5][0][0]", equalToJson("[\"default_code\", \"in\", [\"CHAIR-01\", \"GHOST-9\"]]"))));
        odoo.verify(0, called("sale.order", "create"));
    }

    @Test
    public void aServerErrorATimeoutAndARefusedConnectionAreRetryable() throws Exception {
        odoo.stubFor(kw("sale.order", "search_read").inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("Internal Server Error")).willSetStateTo("slow"));
        odoo.stubFor(kw("sale.order", "search_read").inScenario("outage").whenScenarioStateIs("slow")
                .willReturn(result("[41]").withFixedDelay(2500)));
        for (String expected : List.of("HTTP 500", "did not complete")) {
            try {
                // a second's patience for the slow answer (the first request of a WireMock may take longer than that)
                type.send(expected.startsWith("HTTP") ? config() : config("timeoutSeconds", "1"), order("confirmed", "CHAIR-01"), null);
                fail("sent during an outage");
            } catch (ErpFailure f) {
                assertTrue(f.getMessage(), f.retryable());
                assertTrue(f.getMessage(), f.getMessage().contains(expected));
            }
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try {
            type.send(config("url", "http://127.0.0.1:" + closed), order("confirmed", "CHAIR-01"), null);
            fail("sent to a closed port");
        } catch (ErpFailure f) {
            assertTrue(f.getMessage(), f.retryable());
        }
    }

    @Test
    public void anAccessErrorLogsInOnceMoreThenRefusesForGood() throws Exception {
        odoo.stubFor(kw("sale.order", "search_read").willReturn(okJson("{\"jsonrpc\": \"2.0\", \"id\": 1, \"error\": {\"code\": 200, \"message\": \"Odoo Server Error\","
                + " \"data\": {\"name\": \"odoo.exceptions.AccessDenied\", \"message\": \"Access Denied\"}}}")));
        try {
            type.send(config(), order("confirmed", "CHAIR-01"), null);
            fail("sent with a revoked key");
        } catch (ErpFailure f) {
            assertFalse(f.retryable());
            assertTrue(f.getMessage(), f.getMessage().startsWith("authentication") && f.getMessage().contains("AccessDenied"));
        }
        odoo.verify(2, postRequestedFor(urlEqualTo("/jsonrpc")).withRequestBody(matchingJsonPath("$.params.method", equalTo("login"))));
        odoo.verify(2, called("sale.order", "search_read"));

        // a wrong password: Odoo's login answers false, not an error
        odoo.stubFor(rpc("common", "login").willReturn(result("false")));
        try {
            type.send(config("username", "someone-else"), order("confirmed", "CHAIR-01"), null);
            fail("sent without a login");
        } catch (ErpFailure f) {
            assertFalse(f.retryable());
            assertTrue(f.getMessage(), f.getMessage().contains("someone-else"));
        }
    }

    @Test
    public void aDeliveryNoteIsOneNoteOnTheOrderAndAPaymentIsSkipped() throws Exception {
        odoo.stubFor(kw("sale.order", "search").willReturn(result("[99]")));
        odoo.stubFor(kw("mail.message", "search").inScenario("note").whenScenarioStateIs(Scenario.STARTED).willReturn(result("[]")));
        odoo.stubFor(kw("sale.order", "message_post").inScenario("note").willReturn(result("1234")).willSetStateTo("posted"));
        odoo.stubFor(kw("mail.message", "search").inScenario("note").whenScenarioStateIs("posted").willReturn(result("[1234]")));
        Canonical note = Canonical.of(Canonical.DELIVERY_NOTE, "dn-1");
        note.body().put("number", "DN-0007").put("status", "shipped").put("salesOrderNumber", "SO-2026-0042").put("carrier", "顺丰速运")
                .put("trackingNumber", "SF1234567890").put("messageId", "msg-dn-1");
        type.send(config(), note, null);
        type.send(config(), note, null);
        odoo.verify(1, called("sale.order", "message_post").withRequestBody(matchingJsonPath("$.params.args[5][0][0]", equalTo("99")))
                .withRequestBody(matchingJsonPath("$.params.args[6].body", com.github.tomakehurst.wiremock.client.WireMock.containing("SF1234567890")))
                .withRequestBody(matchingJsonPath("$.params.args[6].body", com.github.tomakehurst.wiremock.client.WireMock.containing("顺丰速运")))
                .withRequestBody(matchingJsonPath("$.params.args[6].subtype_xmlid", equalTo("mail.mt_note"))));

        int before = odoo.getAllServeEvents().size();
        Canonical payment = Canonical.of(Canonical.PAYMENT, "pay-1");
        payment.body().put("number", "PAY-1").put("amount", "2280.00");
        type.send(config(), payment, null);
        assertEquals(before, odoo.getAllServeEvents().size());
    }

    @Test
    public void productsArePulledPageByPageFromTheCursor() throws Exception {
        String page1 = "[{\"id\": 3, \"default_code\": \"CHAIR-01\", \"name\": \"人体工学椅\", \"list_price\": 1200.5, \"standard_price\": 0.1,"
                + " \"currency_id\": [7, \"CNY\"], \"uom_id\": [1, \"把\"], \"active\": true, \"write_date\": \"2026-12-01 08:00:00\"},"
                + " {\"id\": 4, \"default_code\": \"DESK-02\", \"name\": \"升降桌\", \"list_price\": 2999.0, \"standard_price\": 1500.0,"
                + " \"currency_id\": [7, \"CNY\"], \"uom_id\": [1, \"张\"], \"active\": true, \"write_date\": \"2026-12-01 09:30:00\"}]";
        String page2 = "[{\"id\": 2, \"default_code\": \"LAMP-03\", \"name\": \"台灯\", \"list_price\": 99.0, \"standard_price\": 40.0,"
                + " \"currency_id\": [7, \"CNY\"], \"uom_id\": false, \"active\": false, \"write_date\": \"2026-12-02 10:00:00\"}]";
        odoo.stubFor(kw("product.product", "search_read").withRequestBody(matchingJsonPath("$.params.args[6].offset", equalTo("0")))
                .willReturn(result(page1)));
        odoo.stubFor(kw("product.product", "search_read").withRequestBody(matchingJsonPath("$.params.args[6].offset", equalTo("2")))
                .willReturn(result(page2)));
        ConnectorConfig config = config("pageSize", "2", "pull", "product");

        ErpAdapter.Pull first = type.pull(config, null);
        assertEquals(List.of("CHAIR-01", "DESK-02", "LAMP-03"), first.messages().stream().map(Canonical::key).toList());
        Canonical chair = first.messages().get(0);
        assertEquals("人体工学椅", chair.text("name"));
        assertEquals("1200.5", chair.text("listPrice"));
        assertEquals("0.1", chair.text("cost"));
        assertEquals("CNY", chair.text("currency"));
        assertEquals("把", chair.text("unit"));
        assertEquals("false", first.messages().get(2).text("active"));
        assertEquals("2026-12-02 10:00:00", PullCursor.parse(first.cursor()).get("product.product"));
        odoo.verify(called("product.product", "search_read").withRequestBody(equalToJson("{\"params\": {\"args\": [\"atrium\", 7, \"api-key-密钥\","
                + " \"product.product\", \"search_read\", [[[\"default_code\", \"!=\", false]]], {\"fields\": [\"id\", \"default_code\", \"name\","
                + " \"list_price\", \"standard_price\", \"currency_id\", \"uom_id\", \"active\", \"write_date\"], \"order\": \"write_date asc, id asc\","
                + " \"limit\": 2, \"offset\": 2, \"context\": {\"active_test\": false}}]}}", false, true)));
        odoo.verify(2, called("product.product", "search_read"));

        // the next pull asks from the last write_date seen
        odoo.resetRequests();
        ErpAdapter.Pull next = type.pull(config, first.cursor());
        odoo.verify(called("product.product", "search_read").withRequestBody(matchingJsonPath("$.params.args[5][0][1]",
                equalToJson("[\"write_date\", \">=\", \"2026-12-02 10:00:00\"]"))));
        assertEquals(first.cursor(), next.cursor());
    }

    @Test
    public void stockIsTheSumOfAProductsQuantsPerWarehouse() throws Exception {
        odoo.stubFor(kw("stock.quant", "search_read").withRequestBody(matchingJsonPath("$.params.args[6].offset", equalTo("0")))
                .willReturn(result("[{\"id\": 70, \"product_id\": [3, \"[CHAIR-01] 人体工学椅\"], \"write_date\": \"2026-12-03 07:00:00\"}]")));
        odoo.stubFor(kw("product.product", "read").willReturn(result("[{\"id\": 3, \"default_code\": \"CHAIR-01\"}]")));
        odoo.stubFor(kw("stock.quant", "search_read").withRequestBody(matchingJsonPath("$.params.args[5][0][0][0]", equalTo("product_id")))
                .willReturn(result("[{\"product_id\": [3, \"x\"], \"location_id\": [8, \"WH/Stock\"], \"quantity\": 5.0},"
                        + " {\"product_id\": [3, \"x\"], \"location_id\": [9, \"WH/Stock/Shelf 2\"], \"quantity\": 2.5},"
                        + " {\"product_id\": [3, \"x\"], \"location_id\": [12, \"BJ/Stock\"], \"quantity\": 1.0}]")));
        ErpAdapter.Pull pulled = type.pull(config("pull", "stock", "locations", "WH/Stock=SH01"), null);
        assertEquals(List.of("CHAIR-01@BJ/Stock", "CHAIR-01@SH01"), pulled.messages().stream().map(Canonical::key).toList());
        assertEquals("7.5", pulled.messages().get(1).text("quantity"));
        assertEquals("SH01", pulled.messages().get(1).text("warehouse"));
        assertEquals("2026-12-03 07:00:00", PullCursor.parse(pulled.cursor()).get("stock.quant"));
        odoo.verify(called("stock.quant", "search_read").withRequestBody(
                matchingJsonPath("$.params.args[5][0][0]", equalToJson("[\"location_id.usage\", \"=\", \"internal\"]"))));
    }

    @Test
    public void theReconciliationListsEveryProductsPrice() throws Exception {
        odoo.stubFor(kw("product.product", "search_read").willReturn(result("[{\"id\": 3, \"default_code\": \"CHAIR-01\", \"name\": \"人体工学椅\","
                + " \"list_price\": 1200.0, \"currency_id\": [7, \"CNY\"], \"active\": true, \"write_date\": \"2026-12-01 08:00:00\"}]")));
        Optional<List<Canonical>> prices = type.snapshot(config(), Canonical.PRICE);
        assertEquals(1, prices.orElseThrow().size());
        assertEquals(Canonical.PRICE, prices.get().get(0).kind());
        assertEquals("1200.0", prices.get().get(0).text("listPrice"));
        assertTrue(type.snapshot(config(), Canonical.STOCK).isEmpty());
    }

    @Test
    public void aCustomerIsACompanyPartnerWithItsContactsAsChildrenMadeOnceThenUpdated() throws Exception {
        odoo.stubFor(kw("res.partner", "search").withRequestBody(matchingJsonPath("$.params.args[5][0][0][2]", equalTo("acc-1")))
                .inScenario("company").whenScenarioStateIs(Scenario.STARTED).willReturn(result("[]")));
        odoo.stubFor(kw("res.partner", "search").withRequestBody(matchingJsonPath("$.params.args[5][0][0][2]", equalTo("acc-1")))
                .inScenario("company").whenScenarioStateIs("made").willReturn(result("[41]")));
        odoo.stubFor(kw("res.partner", "search").withRequestBody(matchingJsonPath("$.params.args[5][0][0][2]", equalTo("con-1")))
                .inScenario("contact").whenScenarioStateIs(Scenario.STARTED).willReturn(result("[]")));
        odoo.stubFor(kw("res.partner", "search").withRequestBody(matchingJsonPath("$.params.args[5][0][0][2]", equalTo("con-1")))
                .inScenario("contact").whenScenarioStateIs("made").willReturn(result("[42]")));
        odoo.stubFor(kw("res.partner", "create").withRequestBody(matchingJsonPath("$.params.args[5][0].ref", equalTo("acc-1")))
                .inScenario("company").willReturn(result("41")).willSetStateTo("made"));
        odoo.stubFor(kw("res.partner", "create").withRequestBody(matchingJsonPath("$.params.args[5][0].ref", equalTo("con-1")))
                .inScenario("contact").willReturn(result("42")).willSetStateTo("made"));
        odoo.stubFor(kw("res.partner", "write").willReturn(result("true")));

        Canonical customer = Canonical.of(Canonical.CUSTOMER, "acc-1");
        customer.body().put("id", "acc-1").put("name", COMPANY).put("phone", "021-5555 0101").put("billingAddress", "上海市浦东新区\n世纪大道 100 号");
        customer.body().putArray("contacts").addObject().put("id", "con-1").put("lastName", "王").put("firstName", "芳").put("email", "wang.fang@example.cn")
                .put("title", "采购经理");
        type.send(config(), customer, null);
        type.send(config(), customer, null);

        odoo.verify(1, called("res.partner", "create").withRequestBody(equalToJson("{\"params\": {\"args\": [\"atrium\", 7, \"api-key-密钥\","
                + " \"res.partner\", \"create\", [{\"name\": \"" + COMPANY + "\", \"phone\": \"021-5555 0101\", \"street\": \"上海市浦东新区, 世纪大道 100 号\","
                + " \"ref\": \"acc-1\", \"is_company\": true}]]}}", false, true)));
        odoo.verify(1, called("res.partner", "create").withRequestBody(equalToJson("{\"params\": {\"args\": [\"atrium\", 7, \"api-key-密钥\","
                + " \"res.partner\", \"create\", [{\"name\": \"王芳\", \"type\": \"contact\", \"ref\": \"con-1\", \"parent_id\": 41,"
                + " \"email\": \"wang.fang@example.cn\", \"function\": \"采购经理\"}]]}}", false, true)));
        // the contact is looked for among the company's children only
        odoo.verify(called("res.partner", "search").withRequestBody(matchingJsonPath("$.params.args[5][0][1]", equalToJson("[\"parent_id\", \"=\", 41]"))));
        odoo.verify(1, called("res.partner", "write").withRequestBody(matchingJsonPath("$.params.args[5][0][0]", equalTo("41"))));
        odoo.verify(1, called("res.partner", "write").withRequestBody(matchingJsonPath("$.params.args[5][0][0]", equalTo("42"))));
    }

    @Test
    public void theConnectionTestAsksTheVersionThenLogsIn() {
        odoo.stubFor(rpc("common", "version").willReturn(result("{\"server_version\": \"17.0\"}")));
        List<org.atriumcrm.connectors.api.ConnectionCheck> checks = type.test(config());
        assertEquals(List.of("dns", "connection", "protocol", "authentication"), checks.stream().map(c -> c.step()).toList());
        assertTrue(checks.toString(), checks.stream().allMatch(c -> c.ok()));
        assertTrue(checks.get(2).detail(), checks.get(2).detail().contains("17.0"));

        odoo.stubFor(rpc("common", "login").willReturn(result("false")));
        checks = type.test(config());
        assertFalse(checks.get(3).ok());
        assertEquals("authentication", checks.get(3).step());
        assertEquals("dns", type.test(config("url", "")).get(0).step());
    }
}
