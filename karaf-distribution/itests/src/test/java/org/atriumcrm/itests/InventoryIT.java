package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.inventory.api.Ledger;
import org.atriumcrm.inventory.api.MovementTypes;
import org.atriumcrm.testkit.http.Api;
import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The inventory ledger against the real distribution, with real products: opening balance, adjustments, a refused
 * negative movement, a back-order product going negative, a stocktake correction, low stock, 16 deliveries released
 * together on the last 10 units, and the module switched off and on with its data kept.
 */
public class InventoryIT extends AtriumTestSupport {

    @Inject
    BundleContext context;

    private static String q(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    private static String product(Api admin, String sku, String extra) {
        return id(admin.post("/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"库存测试 " + sku + "\",\"listPrice\":10" + extra + "}"));
    }

    private static Api.Answer move(Api admin, String type, String productId, String quantity, String reason) {
        return admin.post("/api/v1/stock-movements", "{\"movementType\":\"" + type + "\",\"productId\":\"" + productId + "\",\"quantity\":"
                + quantity + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
    }

    private static BigDecimal onHand(Api admin, String productId) {
        JsonNode items = ok(admin.get("/api/v1/stock-balances?filter=" + q("productId eq '" + productId + "'"))).get("items");
        assertEquals(items.toString(), 1, items.size());
        return new BigDecimal(items.get(0).get("onHand").asText());
    }

    private static BigDecimal sumOfMovements(Api admin, String productId) {
        JsonNode items = ok(admin.get("/api/v1/stock-movements?limit=500&filter=" + q("productId eq '" + productId + "'"))).get("items");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode m : items) {
            sum = sum.add(new BigDecimal(m.get("quantity").asText()));
        }
        return sum;
    }

    private static void assertQuantity(String expected, BigDecimal actual) {
        assertEquals(expected + " vs " + actual, 0, new BigDecimal(expected).compareTo(actual));
    }

    @Test
    public void ledgerRulesStocktakeConcurrencyAndModuleSwitch() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/stock-movements", Duration.ofSeconds(60));
        waitForHttp("/api/v1/products", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 8);

        JsonNode main = ok(admin.get("/api/v1/warehouses?filter=" + q("code eq 'MAIN'"))).get("items").get(0);
        assertTrue(main.get("defaultWarehouse").asBoolean());
        String mainId = main.get("id").asText();

        List<Event> low = Collections.synchronizedList(new ArrayList<>());
        Hashtable<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, CommerceEvents.STOCK_LOW);
        ServiceRegistration<EventHandler> listener = context.registerService(EventHandler.class, low::add, topics);
        try {
            // opening balance once, adjustments with a reason, nothing below 0
            // its owner hears of low stock by email (the outbox); the administrator creates it for them
            String owner = id(admin.post("/api/v1/admin/users", "{\"loginName\":\"inv.owner." + tag + "\",\"password\":\"Owner-Passw0rd-1\","
                    + "\"email\":\"inv.owner." + tag + "@example.com\"}"));
            String p = product(admin, "INV-P-" + tag, ",\"reorderLevel\":5,\"ownerId\":\"" + owner + "\"");
            JsonNode opening = ok201(move(admin, MovementTypes.OPENING_BALANCE, p, "10", null));
            assertQuantity("10", new BigDecimal(opening.get("onHandAfter").asText()));
            assertEquals(mainId, opening.get("warehouseId").asText());
            assertProblem(move(admin, MovementTypes.OPENING_BALANCE, p, "3", null), 409, "opening balance");
            assertProblem(move(admin, MovementTypes.ADJUSTMENT, p, "2", null), 400, "reason");
            assertProblem(move(admin, MovementTypes.DELIVERY, p, "-1", null), 400, "movementType");
            assertProblem(move(admin, MovementTypes.ADJUSTMENT, p, "0", "x"), 400, "quantity");
            ok201(move(admin, MovementTypes.ADJUSTMENT, p, "2", "found in the back room"));
            Api.Answer refused = move(admin, MovementTypes.ADJUSTMENT, p, "-20", "write-off");
            assertProblem(refused, 409, "insufficient-stock");
            JsonNode problem = refused.json();
            assertEquals(p, problem.get("productId").asText());
            assertEquals(mainId, problem.get("warehouseId").asText());
            assertQuantity("12", new BigDecimal(problem.get("onHand").asText()));
            assertQuantity("8", new BigDecimal(problem.get("shortfall").asText()));
            assertTrue(problem.get("detail").asText(), problem.get("detail").asText().contains("INV-P-" + tag));
            assertQuantity("12", onHand(admin, p));

            // what was booked stays as booked
            String movementId = opening.get("id").asText();
            assertProblem(admin.patch("/api/v1/stock-movements/" + movementId, "{\"reason\":\"oops\"}"), 409, "immutable-ledger");
            assertProblem(admin.delete("/api/v1/stock-movements/" + movementId), 409, "immutable-ledger");
            String balanceId = ok(admin.get("/api/v1/stock-balances?filter=" + q("productId eq '" + p + "'"))).get("items").get(0).get("id").asText();
            assertProblem(admin.patch("/api/v1/stock-balances/" + balanceId, "{}"), 409, null);
            assertProblem(admin.post("/api/v1/stock-balances", "{}"), 409, null);

            // low stock: 12 → 4 crosses the reorder level 5
            ok201(move(admin, MovementTypes.ADJUSTMENT, p, "-8", "damaged"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (low.stream().noneMatch(e -> p.equals(e.getProperty(CommerceEvents.PRODUCT_ID))) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Event alert = low.stream().filter(e -> p.equals(e.getProperty(CommerceEvents.PRODUCT_ID))).findFirst()
                    .orElseThrow(() -> new AssertionError("no atrium/Stock/LOW for " + p));
            assertEquals("4", alert.getProperty(CommerceEvents.QUANTITY));
            String mailFilter = "/api/v1/emails?filter=" + q("subject like '*INV-P-" + tag + "*'");
            while (ok(admin.get(mailFilter)).get("items").size() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            JsonNode mails = ok(admin.get(mailFilter)).get("items");
            assertEquals(mails.toString(), 1, mails.size());
            assertTrue(mails.toString(), mails.get(0).toString().contains("inv.owner." + tag + "@example.com"));

            // a back-order product may go negative
            String backorder = product(admin, "INV-B-" + tag, ",\"allowBackorder\":true");
            ok201(move(admin, MovementTypes.ADJUSTMENT, backorder, "-5", "sold ahead"));
            assertQuantity("-5", onHand(admin, backorder));

            // stocktake: counted 3 against 4 on hand → a correction of -1, once
            String sheet = id(admin.post("/api/v1/stocktakes", "{\"warehouseId\":\"" + mainId + "\",\"countDate\":\"2026-12-07\"}"));
            JsonNode line = ok201(admin.post("/api/v1/stocktake-lines", "{\"stocktakeId\":\"" + sheet + "\",\"productId\":\"" + p
                    + "\",\"countedQuantity\":3}"));
            assertQuantity("4", new BigDecimal(line.get("systemQuantity").asText()));
            assertQuantity("-1", new BigDecimal(line.get("difference").asText()));
            assertProblem(admin.post("/api/v1/stocktakes/" + sheet + "/post", "{}"), 409, "complete-count");
            assertEquals("counted", ok(admin.post("/api/v1/stocktakes/" + sheet + "/complete-count", "{}")).get("status").asText());
            assertProblem(admin.patch("/api/v1/stocktake-lines/" + line.get("id").asText(), "{\"countedQuantity\":4}"), 409, "counted");
            assertEquals("posted", ok(admin.post("/api/v1/stocktakes/" + sheet + "/post", "{}")).get("status").asText());
            assertProblem(admin.post("/api/v1/stocktakes/" + sheet + "/post", "{}"), 409, "stocktake-posted");
            assertQuantity("3", onHand(admin, p));
            JsonNode corrections = ok(admin.get("/api/v1/stock-movements?filter=" + q("sourceId eq '" + sheet + "'"))).get("items");
            assertEquals(1, corrections.size());
            assertEquals(MovementTypes.STOCKTAKE_CORRECTION, corrections.get(0).get("movementType").asText());
            assertQuantity("3", sumOfMovements(admin, p));

            // 16 deliveries of 1 unit released together on 10 (through the ledger, as delivery notes book them)
            String c1 = product(admin, "INV-C1-" + tag, "");
            ok201(move(admin, MovementTypes.OPENING_BALANCE, c1, "10", null));
            deliverTogether(c1, 1);
            assertQuantity("0", onHand(admin, c1));
            assertQuantity("0", sumOfMovements(admin, c1));

            // 16 negative adjustments of 3 units released together over HTTP on 10: three go through
            String c3 = product(admin, "INV-C3-" + tag, "");
            ok201(move(admin, MovementTypes.OPENING_BALANCE, c3, "10", null));
            List<Api.Answer> answers = together(16, i -> move(admin, MovementTypes.ADJUSTMENT, c3, "-3", "race " + i));
            int done = 0;
            for (Api.Answer a : answers) {
                assertNotEquals(a.toString(), 500, a.status);
                if (a.status == 201) {
                    done++;
                } else {
                    assertProblem(a, 409, "insufficient-stock");
                    JsonNode s = a.json();
                    assertQuantity("3", new BigDecimal(s.get("onHand").asText()).add(new BigDecimal(s.get("shortfall").asText())));
                }
            }
            assertEquals(3, done);
            assertQuantity("1", onHand(admin, c3));
            assertQuantity("1", sumOfMovements(admin, c3));

            // switched off and on: the data stays
            // (purchasing and invoicing require inventory: they go first and come back last)
            assertProblem(admin.post("/api/v1/admin/modules/inventory/disable", null), 409, "purchasing");
            assertEquals(200, admin.post("/api/v1/admin/modules/purchasing/disable", null).status);
            assertEquals(200, admin.post("/api/v1/admin/modules/invoicing/disable", null).status);
            assertEquals(200, admin.post("/api/v1/admin/modules/inventory/disable", null).status);
            assertProblem(admin.get("/api/v1/stock-balances"), 404, "disabled");
            assertEquals(200, admin.post("/api/v1/admin/modules/inventory/enable", null).status);
            assertEquals(200, admin.post("/api/v1/admin/modules/purchasing/enable", null).status);
            assertEquals(200, admin.post("/api/v1/admin/modules/invoicing/enable", null).status);
            waitForHttp("/api/v1/stock-balances", Duration.ofSeconds(60));
            assertQuantity("3", onHand(admin, p));
            assertQuantity("1", onHand(admin, c3));
            assertEquals(1, ok(admin.get("/api/v1/warehouses?filter=" + q("code eq 'MAIN'"))).get("items").size());
        } finally {
            listener.unregister();
        }
    }

    private static JsonNode ok201(Api.Answer a) {
        assertEquals(a.toString(), 201, a.status);
        return a.json();
    }

    /** 16 threads, released together, each booking a DELIVERY of {@code each} on its own transaction of the inventory unit. */
    private void deliverTogether(String productId, int each) throws Exception {
        ServiceReference<Ledger> ledgerRef = context.getServiceReference(Ledger.class);
        Ledger ledger = context.getService(ledgerRef);
        JpaTemplate jpa = context.getService(context.getServiceReferences(JpaTemplate.class, "(osgi.unit.name=atrium.inventory)").iterator().next());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String note = UUID.randomUUID().toString();
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        Ledger.Booking b = jpa.txExpr(TransactionType.Required, em -> ledger.book(em, MovementTypes.DELIVERY,
                                new Ledger.Source("DeliveryNote", note, null), List.of(new Ledger.Move(productId, null,
                                        BigDecimal.valueOf(-each), null, null)), Caller.SYSTEM));
                        ledger.committed(b);
                        return b;
                    } catch (RuntimeException e) {
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            if (t instanceof AtriumException ae) {
                                return ae; // Aries may wrap what the work threw
                            }
                        }
                        throw e;
                    }
                }));
            }
            go.countDown();
            int delivered = 0;
            for (Future<Object> f : results) {
                Object r = f.get(120, TimeUnit.SECONDS);
                if (r instanceof AtriumException e) {
                    assertEquals(e.getMessage(), 409, e.status());
                    assertEquals("insufficient-stock", e.problemType());
                } else {
                    delivered++;
                }
            }
            assertEquals(10 / each, delivered);
        } finally {
            pool.shutdownNow();
            context.ungetService(ledgerRef);
        }
    }
}
