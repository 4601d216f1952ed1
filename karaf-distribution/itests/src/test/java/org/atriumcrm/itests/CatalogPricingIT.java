package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.inject.Inject;

import org.atriumcrm.testkit.http.Api;
import org.atriumcrm.testkit.http.Await;
import org.junit.Test;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Catalog and price books against the real distribution: the category tree and bundled/gift items without cycles,
 * product images (types, size limit, bytes and ETag back), one product per SKU under 16 parallel creates, and the
 * price endpoint before, in and after a season, with volume breaks, a customer segment and an account's own book;
 * then both modules switched off (the price endpoint and the Catalog service go) and on again (back, with the data).
 */
public class CatalogPricingIT extends AtriumTestSupport {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Inject
    BundleContext context;

    private static void assertMoney(String expected, JsonNode actual) {
        assertNotNull(expected, actual);
        assertEquals(expected + " vs " + actual, 0, new BigDecimal(expected).compareTo(new BigDecimal(actual.asText())));
    }

    static HttpResponse<byte[]> raw(String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((adminUser() + ":" + adminPassword())
                        .getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] png(int size) {
        byte[] b = new byte[size];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
        System.arraycopy(head, 0, b, 0, head.length);
        for (int i = head.length; i < size; i++) {
            b[i] = (byte) (i * 31);
        }
        return b;
    }

    private static JsonNode created(Api.Answer a) {
        assertEquals(a.toString(), 201, a.status);
        return a.json();
    }

    private boolean catalogService() throws Exception {
        return context.getServiceReferences("org.atriumcrm.commerce.api.Catalog", null) != null;
    }

    @Test
    public void catalogImagesSkusAndPrices() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/products", Duration.ofSeconds(60));
        waitForHttp("/api/v1/price-books", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 8);

        // the seeded tax classes
        JsonNode vat13 = ok(admin.get("/api/v1/tax-classes?filter=rate%20eq%2013")).get("items");
        assertTrue(vat13.toString(), vat13.size() >= 1);
        String taxClass = vat13.get(0).get("id").asText();

        // the category tree
        String root = id(admin.post("/api/v1/product-categories", "{\"name\":\"电子产品 " + tag + "\"}"));
        String child = id(admin.post("/api/v1/product-categories", "{\"name\":\"笔记本电脑 " + tag + "\",\"parentId\":\"" + root + "\"}"));
        assertProblem(admin.patch("/api/v1/product-categories/" + root, "{\"parentId\":\"" + child + "\"}"), 400, "parentId");
        assertProblem(admin.delete("/api/v1/product-categories/" + root), 409, "subcategories");

        // products, a service, bundled and gift items
        String laptop = id(admin.post("/api/v1/products", "{\"sku\":\"NB-" + tag + "\",\"name\":\"商务笔记本 " + tag + "\",\"model\":\"X1\","
                + "\"categoryId\":\"" + child + "\",\"taxClassId\":\"" + taxClass + "\",\"listPrice\":5000,\"unit\":\"unit\","
                + "\"reorderLevel\":5,\"serialTracked\":true}"));
        JsonNode created = ok(admin.get("/api/v1/products/" + laptop));
        assertEquals("CNY", created.get("currency").asText());
        assertTrue(created.get("stocked").asBoolean());
        assertTrue(created.get("active").asBoolean());
        assertProblem(admin.delete("/api/v1/product-categories/" + child), 409, "products");
        String bag = id(admin.post("/api/v1/products", "{\"sku\":\"BAG-" + tag + "\",\"name\":\"电脑包 " + tag + "\",\"listPrice\":200}"));
        String mouse = id(admin.post("/api/v1/products", "{\"sku\":\"MOUSE-" + tag + "\",\"name\":\"鼠标 " + tag + "\",\"listPrice\":80}"));
        JsonNode service = created(admin.post("/api/v1/products", "{\"sku\":\"SVC-" + tag + "\",\"name\":\"上门安装 " + tag + "\","
                + "\"kind\":\"service\",\"unit\":\"hour\",\"stocked\":true,\"listPrice\":300}"));
        assertFalse("a service is never stocked", service.get("stocked").asBoolean());
        assertProblem(admin.post("/api/v1/products", "{\"sku\":\"SVC2-" + tag + "\",\"name\":\"x\",\"kind\":\"service\",\"unit\":\"kg\"}"), 400, "unit");
        id(admin.post("/api/v1/product-components", "{\"productId\":\"" + laptop + "\",\"componentProductId\":\"" + bag + "\",\"quantity\":1}"));
        id(admin.post("/api/v1/product-components", "{\"productId\":\"" + bag + "\",\"componentProductId\":\"" + mouse + "\",\"quantity\":2,\"gift\":true}"));
        assertProblem(admin.post("/api/v1/product-components", "{\"productId\":\"" + mouse + "\",\"componentProductId\":\"" + laptop
                + "\",\"quantity\":1}"), 400, "cycle");
        assertProblem(admin.post("/api/v1/product-components", "{\"productId\":\"" + laptop + "\",\"componentProductId\":\"" + laptop
                + "\",\"quantity\":1}"), 400, "itself");
        assertProblem(admin.post("/api/v1/product-components", "{\"productId\":\"" + laptop + "\",\"componentProductId\":\"" + mouse
                + "\",\"quantity\":0}"), 400, "quantity");
        assertEquals(1, ok(admin.get("/api/v1/products/" + laptop + "/components")).get("total").asInt());

        // the image: streamed in, bytes, type and ETag back; other types and oversized bodies refused
        assertEquals(404, raw("GET", "/api/v1/products/" + laptop + "/image", null).statusCode());
        byte[] image = png(300_000);
        HttpResponse<byte[]> put = raw("PUT", "/api/v1/products/" + laptop + "/image", image, "Content-Type", "image/png");
        assertEquals(new String(put.body(), StandardCharsets.UTF_8), 200, put.statusCode());
        assertTrue(new String(put.body(), StandardCharsets.UTF_8).contains("\"imageType\":\"image/png\""));
        HttpResponse<byte[]> got = raw("GET", "/api/v1/products/" + laptop + "/image", null);
        assertEquals(200, got.statusCode());
        assertEquals("image/png", got.headers().firstValue("Content-Type").orElse(null));
        assertArrayEquals(image, got.body());
        String etag = got.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, raw("GET", "/api/v1/products/" + laptop + "/image", null, "If-None-Match", etag).statusCode());
        HttpResponse<byte[]> gif = raw("PUT", "/api/v1/products/" + laptop + "/image", "GIF89a....".getBytes(StandardCharsets.US_ASCII),
                "Content-Type", "image/gif");
        assertEquals(new String(gif.body(), StandardCharsets.UTF_8), 415, gif.statusCode());
        assertTrue(gif.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<byte[]> big = raw("PUT", "/api/v1/products/" + laptop + "/image", png(6 * 1024 * 1024), "Content-Type", "image/png");
        assertEquals(new String(big.body(), StandardCharsets.UTF_8), 413, big.statusCode());
        assertArrayEquals("the refused uploads left the image as it was", image,
                raw("GET", "/api/v1/products/" + laptop + "/image", null).body());

        // one SKU, sixteen parallel creates: exactly one product
        String sku = "RACE-" + tag;
        List<Api.Answer> answers = together(16, i -> admin.post("/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"并发 " + i + "\"}"));
        int createdCount = 0;
        for (Api.Answer a : answers) {
            assertTrue(a.toString(), a.status == 201 || a.status == 409);
            if (a.status == 201) {
                createdCount++;
            } else {
                assertTrue(a.toString(), a.body.contains("duplicate-sku"));
            }
        }
        assertEquals(1, createdCount);
        assertEquals(1, ok(admin.get("/api/v1/products?filter=sku%20eq%20'" + sku + "'")).get("total").asInt());
        assertProblem(admin.post("/api/v1/products", "{\"sku\":\"" + sku.toLowerCase() + "\",\"name\":\"大小写\"}"), 409, "duplicate-sku");

        // price books: a volume break all year, a season, a customer segment, one account's own
        int y = 2040 + (int) (Math.random() * 50);
        String account = id(admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"杭州经销商 " + tag + "\","
                + "\"customerTier\":\"a\",\"salesChannel\":\"dealer\",\"billingProvince\":\"浙江省\",\"billingCity\":\"杭州市\"}"));
        String other = id(admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"北京零售 " + tag + "\",\"salesChannel\":\"retail\"}"));
        String volume = id(admin.post("/api/v1/price-books", "{\"name\":\"Volume " + tag + "\",\"currency\":\"CNY\"}"));
        id(admin.post("/api/v1/price-book-entries", "{\"priceBookId\":\"" + volume + "\",\"productId\":\"" + laptop + "\",\"unitPrice\":4800}"));
        id(admin.post("/api/v1/price-book-entries", "{\"priceBookId\":\"" + volume + "\",\"productId\":\"" + laptop + "\",\"unitPrice\":4500,"
                + "\"minQuantity\":10}"));
        assertProblem(admin.post("/api/v1/price-book-entries", "{\"priceBookId\":\"" + volume + "\",\"productId\":\"" + laptop
                + "\",\"unitPrice\":1,\"minQuantity\":10.00}"), 409, "already has a price");
        assertProblem(admin.post("/api/v1/price-books", "{\"name\":\"Bad " + tag + "\",\"validFrom\":\"" + y + "-03-01\",\"validTo\":\""
                + y + "-02-01\"}"), 400, "validTo");
        String winter = id(admin.post("/api/v1/price-books", "{\"name\":\"Winter " + tag + "\",\"validFrom\":\"" + y + "-12-01\","
                + "\"validTo\":\"" + (y + 1) + "-02-28\"}"));
        id(admin.post("/api/v1/price-book-entries", "{\"priceBookId\":\"" + winter + "\",\"productId\":\"" + laptop + "\",\"unitPrice\":4200}"));
        String dealers = id(admin.post("/api/v1/price-books", "{\"name\":\"Zhejiang dealers " + tag + "\",\"province\":\"浙江\","
                + "\"channel\":\"dealer\"}"));
        id(admin.post("/api/v1/price-book-entries", "{\"priceBookId\":\"" + dealers + "\",\"productId\":\"" + laptop + "\",\"unitPrice\":4000}"));
        String own = id(admin.post("/api/v1/price-books", "{\"name\":\"Own " + tag + "\",\"accountId\":\"" + account + "\","
                + "\"validFrom\":\"" + y + "-06-01\",\"validTo\":\"" + y + "-06-30\"}"));
        id(admin.post("/api/v1/price-book-entries", "{\"priceBookId\":\"" + own + "\",\"productId\":\"" + laptop + "\",\"unitPrice\":3900}"));

        String p = "/api/v1/price?productId=" + laptop;
        JsonNode before = ok(admin.get(p + "&quantity=1&date=" + y + "-11-30"));
        assertEquals("Volume " + tag, before.get("priceBookName").asText());
        assertMoney("4800", before.get("unitPrice"));
        assertMoney("5000", before.get("listPrice"));
        JsonNode beforeTen = ok(admin.get(p + "&quantity=10&date=" + y + "-11-30"));
        assertMoney("4500", beforeTen.get("unitPrice"));
        assertMoney("10", beforeTen.get("breakQuantity"));
        assertTrue(beforeTen.get("explanation").asText(), beforeTen.get("explanation").asText().contains("break from 10"));
        for (String day : List.of(y + "-12-01", (y + 1) + "-02-28")) {
            JsonNode in = ok(admin.get(p + "&quantity=10&date=" + day));
            assertEquals(day, "Winter " + tag, in.get("priceBookName").asText());
            assertEquals(winter, in.get("priceBookId").asText());
            assertMoney("4200", in.get("unitPrice"));
            assertTrue(in.get("explanation").asText(), in.get("explanation").asText().contains("chosen over Volume " + tag + " (longer validity"));
        }
        JsonNode after = ok(admin.get(p + "&quantity=12&date=" + (y + 1) + "-03-01"));
        assertEquals("Volume " + tag, after.get("priceBookName").asText());
        assertMoney("4500", after.get("unitPrice"));
        // the Zhejiang dealer: its segment beats the season; its own book beats everything while valid
        JsonNode segment = ok(admin.get(p + "&quantity=1&date=" + y + "-12-15&accountId=" + account));
        assertEquals("Zhejiang dealers " + tag, segment.get("priceBookName").asText());
        assertTrue(segment.get("explanation").asText(), segment.get("explanation").asText().contains("less specific: general"));
        JsonNode ownPrice = ok(admin.get(p + "&quantity=1&date=" + y + "-06-15&accountId=" + account));
        assertEquals("Own " + tag, ownPrice.get("priceBookName").asText());
        assertMoney("3900", ownPrice.get("unitPrice"));
        assertEquals("Winter " + tag, ok(admin.get(p + "&quantity=1&date=" + y + "-12-15&accountId=" + other)).get("priceBookName").asText());
        // no book: the list price, with why
        JsonNode list = ok(admin.get("/api/v1/price?productId=" + bag + "&date=" + y + "-12-15"));
        assertMoney("200", list.get("unitPrice"));
        assertTrue(list.get("priceBookId").isNull());
        assertTrue(list.get("explanation").asText(), list.get("explanation").asText().startsWith("list price"));

        // bad questions: precise 4xx
        assertProblem(admin.get(p + "&currency=USD"), 400, "USD");
        assertProblem(admin.get(p + "&currency=usd1"), 400, "currency");
        assertProblem(admin.get(p + "&quantity=0"), 400, "quantity");
        assertProblem(admin.get(p + "&quantity=-3"), 400, "quantity");
        assertProblem(admin.get(p + "&quantity=many"), 400, "quantity");
        assertProblem(admin.get(p + "&date=" + y + "-13-01"), 400, "date");
        assertProblem(admin.get("/api/v1/price"), 400, "productId");
        assertProblem(admin.get("/api/v1/price?productId=no-such-product"), 404, "product");
        assertProblem(admin.get(p + "&accountId=no-such-account"), 404, "account");
        ok(admin.patch("/api/v1/products/" + mouse, "{\"active\":false}"));
        assertProblem(admin.get("/api/v1/price?productId=" + mouse), 400, "inactive");

        // switched off: the price endpoint and the Catalog service go; switched on: back, with the data
        JsonNode modules = ok(admin.get("/api/v1/admin/modules")).get("items");
        List<String> enabledBefore = new ArrayList<>();
        modules.forEach(m -> {
            if ("enabled".equals(m.get("state").asText())) {
                enabledBefore.add(m.get("id").asText());
            }
        });
        try {
            ok(admin.post("/api/v1/admin/modules/pricing/disable?cascade=true", null));
            Await.until("the price endpoint to go", Duration.ofSeconds(20), () -> admin.get(p), a -> a.status == 404);
            assertEquals(404, admin.get("/api/v1/price-books/" + volume).status);
            assertTrue(catalogService());
            ok(admin.post("/api/v1/admin/modules/products/disable?cascade=true", null));
            Await.until("the products to go", Duration.ofSeconds(20), () -> admin.get("/api/v1/products/" + laptop), a -> a.status == 404);
            Await.until("the Catalog service to go", Duration.ofSeconds(20), () -> {
                try {
                    return catalogService();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, present -> !present);
        } finally {
            // every module enabled before is enabled again, dependencies first (a refusal names a missing one)
            for (int round = 0; round < 5; round++) {
                for (String m : enabledBefore) {
                    admin.post("/api/v1/admin/modules/" + m + "/enable", null);
                }
            }
        }
        JsonNode back = Await.until("the price endpoint to come back", Duration.ofSeconds(30),
                () -> admin.get(p + "&quantity=10&date=" + y + "-12-01"), a -> a.status == 200).json();
        assertEquals("Winter " + tag, back.get("priceBookName").asText());
        assertMoney("4200", back.get("unitPrice"));
        assertTrue(catalogService());
        assertEquals("商务笔记本 " + tag, ok(admin.get("/api/v1/products/" + laptop)).get("name").asText());
        assertArrayEquals(image, raw("GET", "/api/v1/products/" + laptop + "/image", null).body());
        for (JsonNode m : ok(admin.get("/api/v1/admin/modules")).get("items")) {
            if (enabledBefore.contains(m.get("id").asText())) {
                assertEquals(m.toString(), "enabled", m.get("state").asText());
            }
        }
    }
}
