package org.atriumcrm.itests;

import static org.atriumcrm.itests.CommerceSteps.confirmedOrder;
import static org.atriumcrm.itests.CommerceSteps.q;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.Await.awaitJson;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * ERP sync in the real distribution through a file-exchange connector an administrator creates at runtime: the ERP's
 * GBK files (Chinese column titles) make and update products, prices and stock levels, each once however often they
 * come; a price the CRM changed meanwhile is a conflict decided by the connector's rule and logged; a confirmed order
 * and its customer go out as GBK XML files, and while the ERP's folder is unusable they wait, attempts counted, and
 * arrive in order once it is back; a bad file goes to error/ with its reason.
 */
public class ErpIT extends AtriumTestSupport {
    private static final Charset GBK = Charset.forName("GBK");

    private static JsonNode await(Api api, String path, Predicate<JsonNode> done) throws InterruptedException {
        return awaitJson(api, path, done, Duration.ofSeconds(60));
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " did not appear");
            }
            Thread.sleep(200);
        }
    }

    private static List<Path> files(Path folder, String prefix) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    private static JsonNode product(Api admin, String sku) {
        JsonNode items = admin.get("/api/v1/products?filter=" + q("sku eq '" + sku + "'")).json().get("items");
        return items.size() == 0 ? null : items.get(0);
    }

    @Test
    public void filesFromTheErpComeInOnceAndOrdersGoOutInOrder() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/erp-messages", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Path exchange = Files.createTempDirectory("atrium-erp-" + tag);
        Path in = exchange.resolve("in");
        Path out = exchange.resolve("out");
        String chair = "K3-CHAIR-" + tag;
        String chairId = id(admin.post("/api/v1/products", "{\"sku\":\"" + chair + "\",\"name\":\"办公椅 " + tag + "\",\"listPrice\":1200,\"stocked\":true}"));
        String warehouse = admin.get("/api/v1/warehouses?filter=" + q("defaultWarehouse eq true")).json().get("items").get(0).get("code").asText();

        String settings = "{\\\"location\\\":\\\"file:" + exchange.toString().replace("\\", "/") + "\\\",\\\"charset\\\":\\\"GBK\\\",\\\"pollSeconds\\\":\\\"1\\\"}";
        Api.Answer created = admin.post("/api/v1/connectors", "{\"name\":\"金蝶 K/3 " + tag + "\",\"type\":\"erp-file\",\"settings\":\"" + settings + "\"}");
        assertEquals(created.toString(), 201, created.status);
        String connector = id(created);
        JsonNode test = admin.post("/api/v1/connectors/" + connector + "/test", "{}").json();
        assertTrue(test.toString(), test.get("ok").asBoolean());

        // the ERP's product master and stock, in GBK with the column titles a Chinese ERP exports
        String fresh = "K3-DESK-" + tag;
        Files.write(in.resolve("产品-" + tag + ".csv"), ("物料编码,物料名称,单价,币种\r\n" + fresh + ",升降桌 " + tag + ",2599.00,CNY\r\n"
                + chair + ",办公椅 " + tag + ",1300,CNY\r\n").getBytes(GBK));
        awaitFile(in.resolve("done/产品-" + tag + ".csv"));
        JsonNode desk = product(admin, fresh);
        assertEquals("升降桌 " + tag, desk.get("name").asText());
        assertEquals(0, new BigDecimal("2599").compareTo(desk.get("listPrice").decimalValue()));
        assertEquals(0, new BigDecimal("1300").compareTo(product(admin, chair).get("listPrice").decimalValue()));

        String stock = "物料编码,仓库编码,现存量\r\n" + chair + "," + warehouse + ",40\r\n";
        Files.write(in.resolve("库存-" + tag + "-1.csv"), stock.getBytes(GBK));
        awaitFile(in.resolve("done/库存-" + tag + "-1.csv"));
        assertEquals(0, new BigDecimal("40").compareTo(CommerceSteps.onHand(admin, chairId)));
        // the same level again, under another name: nothing moves
        int movements = admin.get("/api/v1/stock-movements?limit=1&filter=" + q("productId eq '" + chairId + "'")).json().get("total").asInt();
        Files.write(in.resolve("库存-" + tag + "-2.csv"), stock.getBytes(GBK));
        awaitFile(in.resolve("done/库存-" + tag + "-2.csv"));
        assertEquals(movements, admin.get("/api/v1/stock-movements?limit=1&filter=" + q("productId eq '" + chairId + "'")).json().get("total").asInt());
        assertEquals(0, new BigDecimal("40").compareTo(CommerceSteps.onHand(admin, chairId)));

        // the CRM changes the price, then the ERP sends its own: the ERP wins prices by default, and the conflict is logged
        String etag = admin.get("/api/v1/products/" + chairId).header("ETag");
        assertEquals(200, admin.send("PATCH", "/api/v1/products/" + chairId, "{\"listPrice\":999}", "If-Match", etag).status);
        Files.write(in.resolve("prices-" + tag + "-1.csv"), ("sku,listPrice\n" + chair + ",1350\n").getBytes(GBK));
        awaitFile(in.resolve("done/prices-" + tag + "-1.csv"));
        assertEquals(0, new BigDecimal("1350").compareTo(product(admin, chair).get("listPrice").decimalValue()));
        JsonNode conflicts = admin.get("/api/v1/erp-conflicts?filter=" + q("connectorId eq '" + connector + "'")).json();
        assertEquals(conflicts.toString(), 1, conflicts.get("total").asInt());
        assertEquals("erp", conflicts.get("items").get(0).get("winner").asText());
        assertTrue(conflicts.toString(), conflicts.get("items").get(0).get("crmValue").asText().contains("999"));

        // a bad file: error/ with the reason, nothing applied
        Files.write(in.resolve("prices-" + tag + "-2.csv"), ("sku,listPrice\nNO-SUCH-" + tag + ",10\n").getBytes(GBK));
        awaitFile(in.resolve("error/prices-" + tag + "-2.csv.reason.txt"));
        assertTrue(Files.readString(in.resolve("error/prices-" + tag + "-2.csv.reason.txt")).contains("unknown SKU NO-SUCH-" + tag));

        // out: a new customer and its confirmed order, as GBK XML files
        String account = id(admin.post("/api/v1/accounts", "{\"name\":\"上海示例贸易有限公司 " + tag + "\",\"phone\":\"021-5555 0101\"}"));
        String order = confirmedOrder(admin, account, chairId, "2", "");
        String number = admin.get("/api/v1/sales-orders/" + order).json().get("number").asText();
        JsonNode sent = await(admin, "/api/v1/erp-messages?filter=" + q("connectorId eq '" + connector + "' and recordId eq '" + order + "'"),
                j -> j.get("total").asInt() == 1 && "delivered".equals(j.get("items").get(0).get("status").asText()));
        assertEquals("salesOrder", sent.get("items").get(0).get("kind").asText());
        List<Path> orderFiles = files(out, "salesOrder-" + number);
        assertEquals(orderFiles.toString(), 1, orderFiles.size());
        String xml = new String(Files.readAllBytes(orderFiles.get(0)), GBK);
        assertTrue(xml, xml.contains("encoding=\"GBK\"") && xml.contains("上海示例贸易有限公司 " + tag) && xml.contains("<sku>" + chair + "</sku>"));
        assertEquals(1, files(out, "customer-").stream().filter(p -> {
            try {
                return new String(Files.readAllBytes(p), GBK).contains("上海示例贸易有限公司 " + tag);
            } catch (java.io.IOException e) {
                return false;
            }
        }).count());

        // the ERP reports the order's status and the invoice it issued: kept beside the order, once however often reported
        String report = "订单号,单据编号,单据状态,快递公司,运单号\r\n" + number + ",XSDD-" + tag + ",已出库,顺丰速运,SF" + tag + "\r\n";
        Files.write(in.resolve("订单状态-" + tag + "-1.csv"), report.getBytes(GBK));
        Files.write(in.resolve("发票-" + tag + "-1.csv"), ("发票号码,源订单号,开票日期,价税合计,已收金额\r\nFP-" + tag + "," + number
                + ",2026/12/07,2712.00,0\r\n").getBytes(GBK));
        awaitFile(in.resolve("done/订单状态-" + tag + "-1.csv"));
        awaitFile(in.resolve("done/发票-" + tag + "-1.csv"));
        JsonNode documents = admin.get("/api/v1/erp-documents?sort=kind&filter=" + q("salesOrderId eq '" + order + "'")).json();
        assertEquals(documents.toString(), 2, documents.get("total").asInt());
        assertEquals("已出库", documents.get("items").get(1).get("erpStatus").asText());
        assertEquals("SF" + tag, documents.get("items").get(1).get("trackingNumber").asText());
        assertEquals("FP-" + tag, documents.get("items").get(0).get("erpNumber").asText());
        long version = documents.get("items").get(1).get("version").asLong();
        Files.write(in.resolve("订单状态-" + tag + "-2.csv"), report.getBytes(GBK));
        awaitFile(in.resolve("done/订单状态-" + tag + "-2.csv"));
        assertEquals(version, admin.get("/api/v1/erp-documents/" + documents.get("items").get(1).get("id").asText()).json().get("version").asLong());
        Files.write(in.resolve("订单状态-" + tag + "-3.csv"), ("订单号,单据状态\r\nSO-NONE-" + tag + ",已出库\r\n").getBytes(GBK));
        awaitFile(in.resolve("error/订单状态-" + tag + "-3.csv.reason.txt"));
        assertTrue(Files.readString(in.resolve("error/订单状态-" + tag + "-3.csv.reason.txt")).contains("no sales order SO-NONE-" + tag));

        // the ERP's folder is unusable: an order confirmed and then cancelled waits, attempts counted; back again, both
        // messages arrive, the cancellation after the confirmation; another order's message does not wait behind them
        Files.move(out, exchange.resolve("out-away"));
        Files.writeString(out, "not a folder");
        String second = confirmedOrder(admin, account, chairId, "1", "");
        JsonNode waiting = await(admin, "/api/v1/erp-messages?filter=" + q("connectorId eq '" + connector + "' and recordId eq '" + second + "'"),
                j -> j.get("total").asInt() == 1 && j.get("items").get(0).get("attempts").asInt() >= 2
                        && "pending".equals(j.get("items").get(0).get("status").asText()));
        assertTrue(waiting.toString(), waiting.get("items").get(0).get("lastError").asText().length() > 0);
        assertEquals("cancelled", admin.post("/api/v1/sales-orders/" + second + "/cancel", "{\"comment\":\"客户撤单\"}").json().get("status").asText());
        String third = confirmedOrder(admin, account, chairId, "1", "");
        await(admin, "/api/v1/erp-messages?filter=" + q("connectorId eq '" + connector + "' and recordId eq '" + second + "'"),
                j -> j.get("total").asInt() == 2);
        JsonNode status = admin.post("/api/v1/connectors/" + connector + "/erp-status", "{}").json();
        assertTrue(status.toString(), status.get("pending").asInt() >= 3 && status.get("lagSeconds").asInt() >= 0);
        Files.delete(out);
        JsonNode both = await(admin, "/api/v1/erp-messages?sort=createdAt&filter=" + q("connectorId eq '" + connector + "' and recordId eq '" + second + "'"),
                j -> j.get("total").asInt() == 2 && "delivered".equals(j.get("items").get(0).get("status").asText())
                        && "delivered".equals(j.get("items").get(1).get("status").asText()));
        String confirmedAt = both.get("items").get(0).get("deliveredAt").asText();
        String cancelledAt = both.get("items").get(1).get("deliveredAt").asText();
        assertTrue(both.get("items").get(1).get("payload").asText().contains("cancelled"));
        assertTrue(confirmedAt + " then " + cancelledAt, confirmedAt.compareTo(cancelledAt) <= 0);
        await(admin, "/api/v1/erp-messages?filter=" + q("connectorId eq '" + connector + "' and recordId eq '" + third + "'"),
                j -> j.get("total").asInt() == 1 && "delivered".equals(j.get("items").get(0).get("status").asText()));
        String secondNumber = admin.get("/api/v1/sales-orders/" + second).json().get("number").asText();
        assertEquals(2, files(out, "salesOrder-" + secondNumber).size());
        assertEquals(0, admin.post("/api/v1/connectors/" + connector + "/erp-status", "{}").json().get("pending").asInt());

        // the outbox is read-only to clients
        int refused = admin.post("/api/v1/erp-messages", "{}").status;
        assertTrue("POST /erp-messages answered " + refused, refused == 409 || refused == 400);
        admin.delete("/api/v1/connectors/" + connector);
    }

    /** A stub of Odoo's JSON-RPC: {@code execute_kw} of {@code model.method} (or a {@code common} call) answers {@code result}. */
    private static void odoo(Api wireMock, String path, String service, String model, String method, String result) {
        String patterns = service.equals("common")
                ? "[{\"matchesJsonPath\": {\"expression\": \"$.params.service\", \"equalTo\": \"common\"}},"
                        + " {\"matchesJsonPath\": {\"expression\": \"$.params.method\", \"equalTo\": \"" + method + "\"}}]"
                : "[{\"matchesJsonPath\": {\"expression\": \"$.params.args[3]\", \"equalTo\": \"" + model + "\"}},"
                        + " {\"matchesJsonPath\": {\"expression\": \"$.params.args[4]\", \"equalTo\": \"" + method + "\"}}]";
        Api.Answer a = wireMock.post("/__admin/mappings", "{\"request\": {\"method\": \"POST\", \"url\": \"" + path + "\", \"bodyPatterns\": "
                + patterns + "}, \"response\": {\"status\": 200, \"headers\": {\"Content-Type\": \"application/json\"},"
                + " \"body\": \"{\\\"jsonrpc\\\": \\\"2.0\\\", \\\"id\\\": 1, \\\"result\\\": " + result.replace("\"", "\\\"") + "}\"}}");
        assertEquals(a.toString(), 201, a.status);
    }

    /** The JSON-RPC requests WireMock took for {@code model.method}. */
    private static JsonNode odooCalls(Api wireMock, String path, String model, String method) {
        return wireMock.post("/__admin/requests/find", "{\"method\": \"POST\", \"url\": \"" + path + "\", \"bodyPatterns\": ["
                + "{\"matchesJsonPath\": {\"expression\": \"$.params.args[3]\", \"equalTo\": \"" + model + "\"}},"
                + " {\"matchesJsonPath\": {\"expression\": \"$.params.args[4]\", \"equalTo\": \"" + method + "\"}}]}").json().get("requests");
    }

    @Test
    public void anOdooConnectorSendsTheCustomerAndTheOrderAndConfirmsIt() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/erp-messages", Duration.ofSeconds(60));
        Api wireMock = new Api(System.getProperty("atrium.itest.wiremock"));
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String path = "/odoo-" + tag + "/jsonrpc";
        odoo(wireMock, path, "common", null, "version", "{\"server_version\": \"17.0\"}");
        odoo(wireMock, path, "common", null, "login", "7");
        odoo(wireMock, path, "object", "res.partner", "search", "[]");
        odoo(wireMock, path, "object", "res.partner", "create", "41");
        odoo(wireMock, path, "object", "sale.order", "search_read", "[]");
        String sku = "ODOO-" + tag;
        odoo(wireMock, path, "object", "product.product", "search_read", "[{\"id\": 11, \"default_code\": \"" + sku + "\"}]");
        odoo(wireMock, path, "object", "sale.order", "create", "99");
        odoo(wireMock, path, "object", "sale.order", "action_confirm", "true");

        String product = id(admin.post("/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"人体工学椅 " + tag + "\",\"listPrice\":1100}"));
        String settings = "{\\\"url\\\":\\\"" + System.getProperty("atrium.itest.wiremock") + "/odoo-" + tag
                + "\\\",\\\"database\\\":\\\"atrium\\\",\\\"username\\\":\\\"crm@example.cn\\\"}";
        Api.Answer created = admin.post("/api/v1/connectors", "{\"name\":\"Odoo " + tag + "\",\"type\":\"odoo\",\"settings\":\"" + settings
                + "\",\"secret\":\"odoo-api-key-" + tag + "\"}");
        assertEquals(created.toString(), 201, created.status);
        String connector = id(created);
        JsonNode test = admin.post("/api/v1/connectors/" + connector + "/test", "{}").json();
        assertTrue(test.toString(), test.get("ok").asBoolean());

        String account = id(admin.post("/api/v1/accounts", "{\"name\":\"杭州西湖贸易有限公司 " + tag + "\",\"phone\":\"0571-8888 0101\"}"));
        String order = confirmedOrder(admin, account, product, "3", "");
        String number = admin.get("/api/v1/sales-orders/" + order).json().get("number").asText();
        await(admin, "/api/v1/erp-messages?filter=" + q("connectorId eq '" + connector + "' and recordId eq '" + order + "'"),
                j -> j.get("total").asInt() == 1 && "delivered".equals(j.get("items").get(0).get("status").asText()));
        await(admin, "/api/v1/erp-messages?filter=" + q("connectorId eq '" + connector + "' and recordId eq '" + account + "'"),
                j -> j.get("total").asInt() >= 1 && "delivered".equals(j.get("items").get(0).get("status").asText()));

        JsonNode orders = odooCalls(wireMock, path, "sale.order", "create");
        assertEquals(orders.toString(), 1, orders.size());
        JsonNode values = new ObjectMapper().readTree(orders.get(0).get("body").asText()).get("params").get("args").get(5).get(0);
        assertEquals(number, values.get("client_order_ref").asText());
        assertEquals(41, values.get("partner_id").asInt());
        JsonNode line = values.get("order_line").get(0).get(2);
        assertEquals(11, line.get("product_id").asInt());
        assertEquals(0, new BigDecimal("3").compareTo(line.get("product_uom_qty").decimalValue()));
        assertEquals(1, odooCalls(wireMock, path, "sale.order", "action_confirm").size());
        JsonNode partners = odooCalls(wireMock, path, "res.partner", "create");
        assertTrue(partners.toString(), partners.toString().contains("杭州西湖贸易有限公司 " + tag));
        JsonNode status = admin.post("/api/v1/connectors/" + connector + "/erp-status", "{}").json();
        assertEquals(status.toString(), 0, status.get("pending").asInt());
        assertTrue(status.toString(), status.get("delivered").asInt() >= 2);
        admin.delete("/api/v1/connectors/" + connector);
    }
}
