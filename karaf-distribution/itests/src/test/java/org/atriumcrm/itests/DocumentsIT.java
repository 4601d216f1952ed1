package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.inject.Inject;
import javax.mail.BodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.atriumcrm.testkit.http.Api;
import org.junit.Test;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Records printed and sent (issue 15, item 10): a Chinese quote printed with the zh-CN template whose PDF text gives
 * back every line and the server's totals; the copy kept with the quote, listed and downloading byte for byte; an
 * unknown locale printing the default (English) template; someone who may not see the quote getting nothing; 16
 * prints at once all answered and all kept; the quote emailed through GreenMail with the PDF attached.
 */
public class DocumentsIT extends AtriumTestSupport {
    private static final String PASSWORD = "Documents-Pass-2026";

    @Inject
    ConfigurationAdmin configAdmin;

    /** One line as the test creates it. */
    record Line(String product, String unit, String unitLabel, String quantity, String price, String discountPercent) {
    }

    private static HttpResponse<byte[]> post(String user, String password, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/pdf, application/json, application/problem+json")
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(String user, String password, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] pdf(HttpResponse<byte[]> answer) {
        assertEquals(new String(answer.body(), StandardCharsets.UTF_8), 200, answer.statusCode());
        assertEquals("application/pdf", answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        return answer.body();
    }

    private static List<String> text(byte[] pdf) throws Exception {
        try (PDDocument doc = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(doc).lines().map(l -> l.strip().replaceAll("\\s+", " ")).filter(l -> !l.isEmpty()).toList();
        }
    }

    /** As the PDF prints money: at least two decimals. */
    private static String money(JsonNode amount) {
        BigDecimal v = new BigDecimal(amount.asText()).stripTrailingZeros();
        return (v.scale() < 2 ? v.setScale(2) : v).toPlainString();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String filter(String f) {
        return "filter=" + java.net.URLEncoder.encode(f, StandardCharsets.UTF_8);
    }

    @Test
    public void aChineseQuoteIsPrintedKeptListedDownloadedAndSent() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/quotes", Duration.ofSeconds(60));
        waitForHttp("/api/v1/document-templates", Duration.ofSeconds(60));
        String tag = "d" + UUID.randomUUID().toString().substring(0, 8);
        String role = id(admin.post("/api/v1/admin/roles", "{\"name\":\"Documents rep " + tag + "\"}"));
        String rep = "doc.rep." + tag;
        String outsider = "doc.other." + tag;
        id(admin.post("/api/v1/admin/users", "{\"loginName\":\"" + rep + "\",\"password\":\"" + PASSWORD + "\",\"roleId\":\"" + role + "\"}"));
        id(admin.post("/api/v1/admin/users", "{\"loginName\":\"" + outsider + "\",\"password\":\"" + PASSWORD + "\"}"));
        Api asRep = new Api(baseUrl()).basic(rep, PASSWORD);
        assertEquals(200, admin.put("/api/v1/admin/org-defaults/Product", "{\"access\":\"public-read\"}").status);
        String vat13 = admin.get("/api/v1/tax-classes?" + filter("rate eq 13")).json().get("items").get(0).get("id").asText();
        String vat6 = admin.get("/api/v1/tax-classes?" + filter("rate eq 6")).json().get("items").get(0).get("id").asText();

        List<Line> lines = List.of(
                new Line("联想 ThinkPad X1 笔记本电脑", "unit", "台", "2", "9999.00", "5"),
                new Line("华为 AX3 无线路由器", "box", "箱", "10", "299.5", null),
                new Line("系统实施服务", "hour", "小时", "2.5", "1500", null));
        String account = id(asRep.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"杭州西湖贸易有限公司\"}"));
        String quote = id(asRep.post("/api/v1/quotes", "{\"subject\":\"西湖项目报价 " + tag + "\",\"accountId\":\"" + account
                + "\",\"shipping\":200,\"shippingTaxRate\":9,\"validUntil\":\"2099-12-31\",\"terms\":\"付款方式：合同签订后 30 日内付清。\"}"));
        List<String> lineIds = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            String product = id(admin.post("/api/v1/products", "{\"sku\":\"DOC-" + i + "-" + tag + "\",\"name\":\"" + l.product() + "\",\"kind\":\""
                    + (l.unit().equals("hour") ? "service" : "product") + "\",\"unit\":\"" + l.unit() + "\",\"taxClassId\":\""
                    + (l.unit().equals("hour") ? vat6 : vat13) + "\",\"listPrice\":" + l.price() + ",\"currency\":\"CNY\"}"));
            lineIds.add(id(asRep.post("/api/v1/quote-lines", "{\"quoteId\":\"" + quote + "\",\"productId\":\"" + product + "\",\"quantity\":"
                    + l.quantity() + (l.discountPercent() == null ? "" : ",\"discountPercent\":" + l.discountPercent()) + "}")));
        }
        JsonNode saved = asRep.get("/api/v1/quotes/" + quote).json();
        String number = saved.get("number").asText();

        // printed in Chinese: every line's name, quantity, unit, unit price and total, the taxes and the grand total as the server computed them
        byte[] printed = pdf(post(rep, PASSWORD, "/api/v1/quotes/" + quote + "/print?locale=zh-CN", "{}"));
        List<String> text = text(printed);
        String all = String.join("\n", text);
        assertTrue(all, text.contains("报价单"));
        assertTrue(all, all.contains("客户：杭州西湖贸易有限公司"));
        assertTrue(all, all.contains("编号：" + number));
        assertTrue(all, all.contains("有效期至：2099-12-31"));
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            JsonNode server = asRep.get("/api/v1/quote-lines/" + lineIds.get(i)).json();
            String row = text.stream().filter(t -> t.contains(l.product())).findFirst().orElseThrow(() -> new AssertionError(l.product() + " not in\n" + all));
            List<String> cells = List.of(row.split(" "));
            String quantity = new BigDecimal(server.get("quantity").asText()).stripTrailingZeros().toPlainString();
            assertEquals(l.quantity(), quantity);
            assertTrue(row + " lacks the quantity " + quantity, cells.contains(quantity));
            assertTrue(row + " lacks the unit " + l.unitLabel(), cells.contains(l.unitLabel()));
            assertTrue(row + " lacks the unit price " + money(server.get("unitPrice")), cells.contains(money(server.get("unitPrice"))));
            assertTrue(row + " lacks the line total " + money(server.get("netAmount")), cells.get(cells.size() - 1).equals(money(server.get("netAmount"))));
        }
        assertTrue(all, text.contains("小计 " + money(saved.get("subtotal"))));
        assertTrue(all, text.contains("合计（CNY） " + money(saved.get("grandTotal"))));

        // the copy is kept with the quote and downloads byte for byte
        JsonNode listed = asRep.get("/api/v1/quotes/" + quote + "/documents").json();
        assertEquals(listed.toString(), 1, listed.get("total").asInt());
        JsonNode kept = listed.get("items").get(0);
        assertEquals("quote", kept.get("kind").asText());
        assertEquals("zh-CN", kept.get("locale").asText());
        assertEquals(number, kept.get("number").asText());
        assertEquals("print", kept.get("purpose").asText());
        assertEquals("报价单-" + number + ".pdf", kept.get("fileName").asText());
        assertEquals(sha256(printed), kept.get("sha256").asText());
        assertEquals(printed.length, kept.get("size").asInt());
        HttpResponse<byte[]> download = get(rep, PASSWORD, kept.get("href").asText());
        assertArrayEquals(printed, pdf(download));
        assertEquals("\"" + sha256(printed) + "\"", download.headers().firstValue("ETag").orElse(""));
        assertEquals(quote, asRep.get("/api/v1/printed-documents/" + kept.get("id").asText()).json().get("recordId").asText());

        // a locale without templates prints the default one (English)
        List<String> english = text(pdf(post(rep, PASSWORD, "/api/v1/quotes/" + quote + "/print?locale=fr-FR", "{}")));
        assertTrue(english.toString(), english.contains("Quote"));
        assertTrue(english.toString(), english.stream().anyMatch(t -> t.contains("华为 AX3 无线路由器") && t.contains("Box")));
        assertEquals("en", asRep.get("/api/v1/quotes/" + quote + "/documents?limit=1").json().get("items").get(0).get("locale").asText());
        assertProblem(asRep.post("/api/v1/quotes/" + quote + "/print?locale=zh%20CN%3B", "{}"), 400, "locale");
        assertProblem(asRep.post("/api/v1/quotes/" + quote + "/print", "{\"copies\":2}"), 400, "copies");

        // someone who may not see the quote: nothing printed, nothing listed, nothing downloaded
        int status = post(outsider, PASSWORD, "/api/v1/quotes/" + quote + "/print?locale=zh-CN", "{}").statusCode();
        assertTrue("outsider printed: " + status, status == 404 || status == 403);
        Api asOutsider = new Api(baseUrl()).basic(outsider, PASSWORD);
        int listStatus = asOutsider.get("/api/v1/quotes/" + quote + "/documents").status;
        assertTrue("outsider listed: " + listStatus, listStatus == 404 || listStatus == 403);
        assertEquals(404, get(outsider, PASSWORD, kept.get("href").asText()).statusCode());
        assertEquals(404, asOutsider.get("/api/v1/printed-documents/" + kept.get("id").asText()).status);
        assertEquals(2, asRep.get("/api/v1/quotes/" + quote + "/documents").json().get("total").asInt());

        // 16 prints at once: every one answered with the PDF, every one kept once
        List<HttpResponse<byte[]>> answers = new ArrayList<>();
        List<Api.Answer> statuses = together(16, i -> {
            try {
                HttpResponse<byte[]> a = post(rep, PASSWORD, "/api/v1/quotes/" + quote + "/print?locale=zh-CN", "{}");
                synchronized (answers) {
                    answers.add(a);
                }
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(16, statuses.size());
        Set<String> ids = new HashSet<>();
        for (HttpResponse<byte[]> a : answers) {
            pdf(a);
            ids.add(a.headers().firstValue("X-Atrium-Document-Id").orElseThrow());
        }
        assertEquals(16, ids.size());
        JsonNode after = asRep.get("/api/v1/quotes/" + quote + "/documents?limit=500").json();
        assertEquals(18, after.get("total").asInt());
        Set<String> listedIds = new HashSet<>();
        after.get("items").forEach(d -> listedIds.add(d.get("id").asText()));
        assertTrue(listedIds.containsAll(ids));

        sendThroughGreenMail(admin, asRep, rep, quote, number);
    }

    @Test
    public void contractsAndPurchaseOrdersPrintWithTheirOwnParties() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/contracts", Duration.ofSeconds(60));
        waitForHttp("/api/v1/purchase-orders", Duration.ofSeconds(60));
        String tag = "d" + UUID.randomUUID().toString().substring(0, 8);
        String account = id(admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"苏州园林设备有限公司\"}"));
        String contract = id(admin.post("/api/v1/contracts", "{\"name\":\"年度维保合同 " + tag + "\",\"contractType\":\"maintenance\",\"accountId\":\""
                + account + "\",\"startDate\":\"2027-01-01\",\"endDate\":\"2027-12-31\",\"contractValue\":120000,\"currency\":\"CNY\"}"));
        List<String> contractText = text(pdf(post(adminUser(), adminPassword(), "/api/v1/contracts/" + contract + "/print?locale=zh-CN", "{}")));
        String all = String.join("\n", contractText);
        assertTrue(all, contractText.contains("合同"));
        assertTrue(all, all.contains("客户：苏州园林设备有限公司"));
        assertTrue(all, contractText.stream().anyMatch(t -> t.contains("年度维保合同 " + tag) && t.endsWith("120000.00")));
        assertTrue(all, contractText.contains("合计（CNY） 120000.00"));
        assertEquals("contract", admin.get("/api/v1/contracts/" + contract + "/documents").json().get("items").get(0).get("kind").asText());

        String vendor = id(admin.post("/api/v1/vendors", "{\"code\":\"V-" + tag + "\",\"name\":\"宁波东海五金厂\",\"address\":\"浙江省宁波市北仑区\"}"));
        String product = id(admin.post("/api/v1/products", "{\"sku\":\"DOCP-" + tag + "\",\"name\":\"不锈钢螺栓 M8\",\"unit\":\"box\",\"listPrice\":50,\"cost\":20}"));
        String order = id(admin.post("/api/v1/purchase-orders", "{\"vendorId\":\"" + vendor + "\"}"));
        id(admin.post("/api/v1/purchase-order-lines", "{\"purchaseOrderId\":\"" + order + "\",\"productId\":\"" + product
                + "\",\"quantity\":10,\"taxRate\":13}"));
        JsonNode po = admin.get("/api/v1/purchase-orders/" + order).json();
        List<String> poText = text(pdf(post(adminUser(), adminPassword(), "/api/v1/purchase-orders/" + order + "/print?locale=zh-CN", "{}")));
        String poAll = String.join("\n", poText);
        assertTrue(poAll, poText.contains("采购订单"));
        assertTrue(poAll, poAll.contains("客户：宁波东海五金厂"));
        assertTrue(poAll, poAll.contains("编号：" + po.get("number").asText()));
        // the SKU prints under the name (the line's description), so the figures follow on the next text line
        int row = poText.indexOf("1 不锈钢螺栓 M8");
        assertTrue(poAll, row >= 0);
        assertEquals(poAll, "DOCP-" + tag, poText.get(row + 1));
        assertEquals(poAll, "10 箱 20.00 13% 200.00", poText.get(row + 2));
        assertTrue(poAll, poText.contains("合计（CNY） " + money(po.get("grandTotal"))));
    }

    private void sendThroughGreenMail(Api admin, Api asRep, String rep, String quote, String number) throws Exception {
        assertProblem(asRep.post("/api/v1/quotes/" + quote + "/send-document", "{\"to\":[]}"), 400, "to");
        assertProblem(asRep.post("/api/v1/quotes/" + quote + "/send-document", "{\"to\":[\"a@example.cn\"],\"bcc\":\"x\"}"), 400, "bcc");
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            configureMail(port);
            HttpResponse<byte[]> sent = post(rep, PASSWORD, "/api/v1/quotes/" + quote + "/send-document",
                    "{\"to\":[\"buyer@xihu-trade.example.cn\"],\"text\":\"您好，附件是报价单，请查收。\",\"locale\":\"zh-CN\"}");
            String json = new String(sent.body(), StandardCharsets.UTF_8);
            assertEquals(json, 202, sent.statusCode());
            JsonNode answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            assertEquals("queued", answer.get("status").asText());
            String emailId = answer.get("emailId").asText();
            JsonNode document = answer.get("document");
            assertEquals("email", document.get("purpose").asText());
            assertEquals(emailId, document.get("emailId").asText());

            // the outbox also delivers what other tests queued before this server was configured: this quote's email
            MimeMessage received = null;
            for (long deadline = System.nanoTime() + 30_000_000_000L; received == null && System.nanoTime() < deadline; Thread.sleep(200)) {
                for (MimeMessage m : smtp.getReceivedMessages()) {
                    if (m.getSubject() != null && m.getSubject().contains(number)) {
                        assertTrue("sent once", received == null);
                        received = m;
                    }
                }
            }
            assertTrue("never delivered", received != null);
            assertTrue(received.getSubject(), received.getSubject().contains(number));
            assertEquals("buyer@xihu-trade.example.cn", received.getAllRecipients()[0].toString());
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            received.writeTo(raw);
            MimeMultipart parts = new MimeMultipart(new javax.mail.util.ByteArrayDataSource(raw.toByteArray(), received.getContentType()));
            byte[] attached = null;
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.getContentType().toLowerCase().startsWith("application/pdf")) {
                    assertTrue(part.getFileName(), javax.mail.internet.MimeUtility.decodeText(part.getFileName()).contains(number));
                    attached = part.getInputStream().readAllBytes();
                }
            }
            assertNotNull("no PDF attached: " + raw, attached);
            // the copy kept is the one the customer got
            assertArrayEquals(attached, pdf(get(rep, PASSWORD, document.get("href").asText())));
            assertTrue(text(attached).contains("报价单"));
            assertEquals(emailId, asRep.get("/api/v1/quotes/" + quote + "/documents?limit=1").json().get("items").get(0).get("emailId").asText());

            // without the mail module: a 409, nothing kept
            int before = asRep.get("/api/v1/quotes/" + quote + "/documents").json().get("total").asInt();
            assertEquals(200, admin.post("/api/v1/admin/modules/mail/disable", null).status);
            try {
                assertProblem(asRep.post("/api/v1/quotes/" + quote + "/send-document", "{\"to\":[\"buyer@xihu-trade.example.cn\"]}"),
                        409, "mail");
            } finally {
                assertEquals(200, admin.post("/api/v1/admin/modules/mail/enable", null).status);
                admin.awaitOk("/api/v1/emails", Duration.ofSeconds(60));
            }
            assertEquals(before, asRep.get("/api/v1/quotes/" + quote + "/documents").json().get("total").asInt());
        } finally {
            smtp.stop();
            EtcConfig.remove(configAdmin, "org.atriumcrm.mail");
        }
    }

    /** As MailIT configures it: etc/org.atriumcrm.mail.cfg, picked up by Karaf without a restart. */
    private void configureMail(int port) throws Exception {
        EtcConfig.write(configAdmin, "org.atriumcrm.mail", java.util.Map.of("smtpHost", "localhost", "smtpPort", port,
                "fromAddress", "sales@example.cn", "maxAttempts", 3, "firstRetrySeconds", 1, "pollMillis", 300));
    }
}
