package org.atriumcrm.purchasing.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Approvals;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.inventory.internal.LedgerService;
import org.atriumcrm.inventory.internal.WarehouseStore;
import org.atriumcrm.persistence.api.RecordIds;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Purchase orders and goods receipts on a real (in-memory Derby) database with the real inventory ledger: totals
 * through Amounts, the status steps and their 409s, approval when a rule applies, receipts that never pass what
 * remains and move the order to partly received and received, stock booked in the receipt's transaction.
 */
public class PurchasingTest {
    private static final Caller BUYER = new Caller("buyer-1", "buyer");
    private static final Caller BOSS = new Caller("boss-1", "boss");
    private final Map<String, Catalog.Item> products = new HashMap<>();
    private final List<Event> posted = Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicInteger numbers = new java.util.concurrent.atomic.AtomicInteger();
    private InMemoryJpa purchasing;
    private InMemoryJpa inventory;
    private LedgerService ledger;
    private VendorStore vendors;
    private PurchaseOrderStore orders;
    private PurchaseOrderLineStore orderLines;
    private GoodsReceiptStore receipts;
    private GoodsReceiptLineStore receiptLines;
    private String vendor;

    private final Catalog catalog = new Catalog() {
        @Override
        public java.util.Optional<Item> itemBySku(String sku) {
            return java.util.Optional.empty();
        }

        @Override
        public Optional<Item> item(String id) {
            return Optional.ofNullable(products.get(id));
        }

        @Override
        public List<String> categoryAndBelow(String categoryId) {
            return List.of(categoryId);
        }
    };

    private final EventAdmin events = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
        }
    };

    @Before
    public void setUp() {
        purchasing = InMemoryJpa.of(PurchasingTypes.UNIT);
        inventory = InMemoryJpa.of("atrium.inventory");
        new org.atriumcrm.inventory.internal.InventorySeed(new WarehouseStore(inventory, events, null), null); // the default warehouse
        ledger = new LedgerService(catalog, inventory, events, null);
        vendors = new VendorStore(purchasing, events, null);
        orders = new PurchaseOrderStore(purchasing, events, ledger, s -> s + "-2026-" + String.format("%06d", numbers.incrementAndGet()), null);
        orderLines = new PurchaseOrderLineStore(purchasing, events, catalog, null);
        receipts = new GoodsReceiptStore(purchasing, events, ledger, orders, null);
        receiptLines = new GoodsReceiptLineStore(purchasing, events, null);
        vendor = vendors.create(Map.of("code", "V-1", "name", "上海供应商"), BUYER).getId();
    }

    @After
    public void tearDown() {
        purchasing.close();
        inventory.close();
    }

    private String product(String sku, String cost, String taxRate) {
        String id = RecordIds.next();
        products.put(id, new Catalog.Item(id, sku, "产品 " + sku, Catalog.Kind.PRODUCT, true, "pcs", BigDecimal.TEN, "CNY",
                cost == null ? null : new BigDecimal(cost), new BigDecimal(taxRate), true, false, null, false, "owner", null, List.of()));
        return id;
    }

    private static AtriumException refused(Runnable r) {
        try {
            r.run();
        } catch (AtriumException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(expected + " vs " + actual, 0, new BigDecimal(expected).compareTo(actual));
    }

    private String line(String order, String product, String quantity) {
        return orderLines.create(Map.of("purchaseOrderId", order, "productId", product, "quantity", new BigDecimal(quantity)), BUYER).getId();
    }

    private String receipt(String order, String orderLine, String quantity) {
        String r = receipts.create(Map.of("purchaseOrderId", order), BUYER).getId();
        receiptLines.create(Map.of("goodsReceiptId", r, "purchaseOrderLineId", orderLine, "quantity", new BigDecimal(quantity)), BUYER);
        return r;
    }

    /** On hand as booked in the receipts' own unit (this test's inventory unit is a second, separate database). */
    private BigDecimal onHand(String product) {
        return purchasing.txExpr(em -> em.createQuery("SELECT SUM(b.onHand) FROM StockBalance b WHERE b.productId = :p", BigDecimal.class)
                .setParameter("p", product).getSingleResult());
    }

    @Test
    public void vendorCodesAreUnique() {
        assertEquals(409, refused(() -> vendors.create(Map.of("code", "v-1", "name", "again"), BUYER)).status());
    }

    @Test
    public void orderReceivedInPartsMovesStockAndStatus() {
        String a = product("PA", "12.5", "13");
        String b = product("PB", "100", "9");
        PurchaseOrder po = orders.create(Map.of("vendorId", vendor), BUYER);
        assertTrue(po.getNumber(), po.getNumber().startsWith("PO-"));
        assertEquals(PurchasingTypes.DRAFT, po.getStatus());
        assertEquals("CNY", po.getCurrency());
        assertEquals(ledger.defaultWarehouseId(), po.getWarehouseId());
        String la = line(po.getId(), a, "10");
        String lb = line(po.getId(), b, "3");
        PurchaseOrder totalled = orders.find(po.getId()).orElseThrow();
        assertAmount("425.00", totalled.getSubtotal());
        assertAmount("43.25", totalled.getTaxTotal());
        assertAmount("468.25", totalled.getGrandTotal());
        orderLines.update(lb, null, Map.of("quantity", new BigDecimal("4")), BUYER);
        assertAmount("577.25", orders.find(po.getId()).orElseThrow().getGrandTotal());
        String extra = line(po.getId(), a, "1");
        orderLines.delete(extra, null, BUYER);
        assertAmount("577.25", orders.find(po.getId()).orElseThrow().getGrandTotal());
        assertEquals(400, refused(() -> line(po.getId(), a, "0")).status());
        assertEquals(409, refused(() -> receipts.create(Map.of("purchaseOrderId", po.getId()), BUYER)).status());

        assertEquals(PurchasingTypes.APPROVED, orders.submit(po.getId(), BUYER).getStatus());
        assertTrue(posted.stream().anyMatch(e -> e.getTopic().equals(CommerceEvents.PURCHASE_ORDER_APPROVED)));
        assertEquals(409, refused(() -> line(po.getId(), a, "1")).status());
        assertEquals(409, refused(() -> orders.submit(po.getId(), BUYER)).status());
        assertEquals(PurchasingTypes.ORDERED, orders.order(po.getId(), null, BUYER).getStatus());

        String first = receipt(po.getId(), la, "4");
        AtriumException over = refused(() -> receipt(po.getId(), la, "11"));
        assertEquals(400, over.status());
        assertEquals("quantity", over.errors().get(0).field());
        receipts.post(first, BUYER);
        assertEquals(PurchasingTypes.PARTLY_RECEIVED, orders.find(po.getId()).orElseThrow().getStatus());
        assertAmount("4", onHand(a));
        assertEquals(409, refused(() -> receipts.post(first, BUYER)).status());
        assertEquals(409, refused(() -> orders.cancel(po.getId(), null, BUYER)).status());

        // two drafts for the same remaining 6: the second is refused when posted
        String second = receipt(po.getId(), la, "6");
        String third = receipt(po.getId(), la, "6");
        receipts.post(second, BUYER);
        AtriumException late = refused(() -> receipts.post(third, BUYER));
        assertEquals(400, late.status());
        assertAmount("10", onHand(a));
        assertEquals(PurchasingTypes.DRAFT, receipts.find(third).orElseThrow().getStatus());

        receipts.post(receipt(po.getId(), lb, "4"), BUYER);
        assertEquals(PurchasingTypes.RECEIVED, orders.find(po.getId()).orElseThrow().getStatus());
        assertAmount("4", onHand(b));
        assertAmount("10", orderLines.find(la).orElseThrow().getReceivedQuantity());
        assertTrue(posted.stream().filter(e -> e.getTopic().equals(CommerceEvents.GOODS_RECEIPT_POSTED)).count() == 3);
        assertEquals(409, refused(() -> receipts.create(Map.of("purchaseOrderId", po.getId()), BUYER)).status());
    }

    @Test
    public void anOrderARuleAppliesToWaitsForItsApprover() {
        orders.bindApprovals(new Approvals() {
            @Override
            public Route route(Subject subject) {
                return subject.amount().compareTo(new BigDecimal("1000")) > 0 ? new Route(true, BOSS.userId(), "r1", "over 1000")
                        : new Route(false, null, null, null);
            }

            @Override
            public boolean mayDecide(String userId, String approverId) {
                return userId.equals(approverId);
            }
        });
        String a = product("PC", "600", "13");
        PurchaseOrder po = orders.create(Map.of("vendorId", vendor), BUYER);
        assertEquals(409, refused(() -> orders.submit(po.getId(), BUYER)).status());
        line(po.getId(), a, "2");
        PurchaseOrder waiting = orders.submit(po.getId(), BUYER);
        assertEquals(PurchasingTypes.IN_APPROVAL, waiting.getStatus());
        assertEquals(BOSS.userId(), waiting.getApproverId());
        assertEquals("over 1000", waiting.getApprovalReason());
        assertEquals(409, refused(() -> orders.order(po.getId(), null, BUYER)).status());
        assertEquals(403, refused(() -> orders.approve(po.getId(), null, BUYER)).status());
        assertEquals(400, refused(() -> orders.reject(po.getId(), " ", BOSS)).status());
        assertEquals(PurchasingTypes.DRAFT, orders.reject(po.getId(), "太贵", BOSS).getStatus());
        orders.submit(po.getId(), BUYER);
        assertEquals(PurchasingTypes.APPROVED, orders.approve(po.getId(), "ok", BOSS).getStatus());
        assertEquals(PurchasingTypes.CANCELLED, orders.cancel(po.getId(), "not needed", BUYER).getStatus());
    }
}
