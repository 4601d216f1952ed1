package org.atriumcrm.inventory.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.inventory.api.Ledger;
import org.atriumcrm.inventory.api.Ledger.Move;
import org.atriumcrm.inventory.api.MovementTypes;
import org.atriumcrm.persistence.api.RecordIds;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The ledger's rules on a real (in-memory Derby) database: signs, no negative stock, back-orders, races, low stock, stocktakes. */
public class LedgerServiceTest {
    private static final Caller USER = new Caller("u-1", "clerk");
    private final Map<String, Catalog.Item> products = new HashMap<>();
    private final List<Event> posted = Collections.synchronizedList(new ArrayList<>());
    private InMemoryJpa jpa;
    private LedgerService ledger;
    private WarehouseStore warehouses;
    private String main;

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
        jpa = InMemoryJpa.of(InventoryTypes.UNIT);
        ledger = new LedgerService(catalog, jpa, events, null);
        warehouses = new WarehouseStore(jpa, events, null);
        main = warehouses.ensureDefault();
    }

    @After
    public void tearDown() {
        jpa.close();
    }

    private String product(String sku, boolean backorder, String reorderLevel) {
        String id = RecordIds.next();
        products.put(id, new Catalog.Item(id, sku, "产品 " + sku, Catalog.Kind.PRODUCT, true, "pcs", BigDecimal.TEN, "CNY", BigDecimal.ONE,
                BigDecimal.valueOf(13), true, false, reorderLevel == null ? null : new BigDecimal(reorderLevel), backorder, "owner-1", null, List.of()));
        return id;
    }

    private Ledger.Booking book(String type, String productId, String quantity) {
        Ledger.Booking b = jpa.txExpr(em -> ledger.book(em, type, new Ledger.Source("Test", RecordIds.next(), null),
                List.of(new Move(productId, null, new BigDecimal(quantity), null, null)), USER));
        ledger.committed(b);
        return b;
    }

    private BigDecimal onHand(String productId) {
        return ledger.onHand(productId).getOrDefault(main, BigDecimal.ZERO);
    }

    private BigDecimal sumOfMovements(String productId) {
        BigDecimal sum = jpa.txExpr(em -> em.createQuery("SELECT SUM(m.quantity) FROM StockMovement m WHERE m.productId = :p", BigDecimal.class)
                .setParameter("p", productId).getSingleResult());
        return sum == null ? BigDecimal.ZERO : sum;
    }

    private static AtriumException refused(Runnable r) {
        try {
            r.run();
        } catch (AtriumException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    public void balanceIsTheSumOfMovementsAndNeverNegative() {
        String p = product("SKU-A", false, null);
        book(MovementTypes.OPENING_BALANCE, p, "10");
        Ledger.Booking out = book(MovementTypes.DELIVERY, p, "-4");
        assertEquals(0, new BigDecimal("6").compareTo(out.movements().get(0).onHandAfter()));
        AtriumException e = refused(() -> book(MovementTypes.DELIVERY, p, "-7"));
        assertEquals(409, e.status());
        assertEquals("insufficient-stock", e.problemType());
        assertEquals("6", e.extensions().get("onHand"));
        assertEquals("1", e.extensions().get("shortfall"));
        assertEquals(p, e.extensions().get("productId"));
        assertEquals(main, e.extensions().get("warehouseId"));
        assertTrue(e.getMessage(), e.getMessage().contains("SKU-A") && e.getMessage().contains("MAIN") && e.getMessage().contains("short by 1"));
        assertEquals(0, new BigDecimal("6").compareTo(onHand(p)));
        assertEquals(0, sumOfMovements(p).compareTo(onHand(p)));
    }

    @Test
    public void aRefusedLineRollsBackTheWholeBooking() {
        String a = product("SKU-B1", false, null);
        String b = product("SKU-B2", false, null);
        book(MovementTypes.OPENING_BALANCE, a, "5");
        AtriumException e = refused(() -> jpa.txExpr(em -> ledger.book(em, MovementTypes.DELIVERY, new Ledger.Source("Test", "x", null),
                List.of(new Move(a, null, new BigDecimal("-2"), null, "l1"), new Move(b, null, new BigDecimal("-1"), null, "l2")), USER)));
        assertEquals(409, e.status());
        assertEquals(b, e.extensions().get("productId"));
        assertEquals(0, new BigDecimal("5").compareTo(onHand(a)));
        assertEquals(0, BigDecimal.ZERO.compareTo(sumOfMovements(b)));
    }

    @Test
    public void aBackOrderProductMayGoNegative() {
        String p = product("SKU-BO", true, null);
        book(MovementTypes.OPENING_BALANCE, p, "2");
        book(MovementTypes.DELIVERY, p, "-5");
        assertEquals(0, new BigDecimal("-3").compareTo(onHand(p)));
        assertEquals(0, sumOfMovements(p).compareTo(onHand(p)));
    }

    @Test
    public void signsQuantitiesProductsAndWarehousesAreChecked() {
        String p = product("SKU-S", false, null);
        assertEquals(400, refused(() -> book(MovementTypes.RECEIPT, p, "-1")).status());
        assertEquals(400, refused(() -> book(MovementTypes.DELIVERY, p, "1")).status());
        assertEquals(400, refused(() -> book(MovementTypes.ADJUSTMENT, p, "0")).status());
        assertEquals(400, refused(() -> book(MovementTypes.ADJUSTMENT, p, "0.00001")).status());
        assertEquals(400, refused(() -> book(MovementTypes.RECEIPT, RecordIds.next(), "1")).status());
        assertEquals(400, refused(() -> book("GIFT", p, "1")).status());
        AtriumException e = refused(() -> jpa.txExpr(em -> ledger.book(em, MovementTypes.RECEIPT, null,
                List.of(new Move(p, RecordIds.next(), BigDecimal.ONE, null, null)), USER)));
        assertEquals("lines[0].warehouseId", e.errors().get(0).field());
        String service = RecordIds.next();
        products.put(service, new Catalog.Item(service, "SVC", "安装服务", Catalog.Kind.SERVICE, true, "h", BigDecimal.TEN, "CNY", null,
                null, false, false, null, false, "o", null, List.of()));
        assertTrue(refused(() -> book(MovementTypes.RECEIPT, service, "1")).getMessage().contains("not kept in stock"));
        assertEquals(0, BigDecimal.ZERO.compareTo(sumOfMovements(p)));
    }

    @Test
    public void balancesAreReadFreshAfterEveryBooking() {
        String p = product("SKU-F", false, null);
        book(MovementTypes.OPENING_BALANCE, p, "3");
        assertEquals(0, new BigDecimal("3").compareTo(onHand(p)));
        book(MovementTypes.ADJUSTMENT, p, "2");
        assertEquals(0, new BigDecimal("5").compareTo(onHand(p)));
        assertEquals(0, new BigDecimal("5").compareTo(ledger.totalOnHand(p)));
    }

    @Test
    public void lowStockIsPostedWhenOnHandFallsUnderTheReorderLevel() {
        String p = product("SKU-L", false, "5");
        book(MovementTypes.OPENING_BALANCE, p, "8");
        book(MovementTypes.DELIVERY, p, "-2");
        assertTrue(low(p).isEmpty());
        book(MovementTypes.DELIVERY, p, "-2");
        assertEquals(1, low(p).size());
        assertEquals("4", low(p).get(0).getProperty(CommerceEvents.QUANTITY));
        assertEquals(main, low(p).get(0).getProperty(CommerceEvents.WAREHOUSE_ID));
        book(MovementTypes.DELIVERY, p, "-1");
        assertEquals("under the level already: no second alert", 1, low(p).size());
    }

    private List<Event> low(String productId) {
        return posted.stream().filter(e -> e.getTopic().equals(CommerceEvents.STOCK_LOW) && productId.equals(e.getProperty(CommerceEvents.PRODUCT_ID))).toList();
    }

    @Test
    public void sixteenConcurrentDeliveriesOfOneUnitNeverOversell() throws Exception {
        race(1);
    }

    @Test
    public void sixteenConcurrentDeliveriesOfSeveralUnitsNeverOversell() throws Exception {
        race(3);
    }

    /** 16 deliveries of {@code each} units released together on 10 on hand: exactly what is there goes out. */
    private void race(int each) throws Exception {
        String p = product("SKU-R" + each, false, null);
        book(MovementTypes.OPENING_BALANCE, p, "10");
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                try {
                    return book(MovementTypes.DELIVERY, p, String.valueOf(-each));
                } catch (AtriumException e) {
                    return e;
                }
            }));
        }
        ready.await(30, TimeUnit.SECONDS);
        go.countDown();
        int delivered = 0;
        int refused = 0;
        for (Future<Object> f : results) {
            Object r = f.get(60, TimeUnit.SECONDS);
            if (r instanceof AtriumException e) {
                assertEquals(e.getMessage(), 409, e.status());
                assertEquals(BigDecimal.valueOf(each).subtract(new BigDecimal((String) e.extensions().get("onHand"))).stripTrailingZeros().toPlainString(),
                        e.extensions().get("shortfall"));
                refused++;
            } else {
                delivered++;
            }
        }
        pool.shutdownNow();
        assertEquals(10 / each, delivered);
        assertEquals(threads - 10 / each, refused);
        assertEquals(0, BigDecimal.valueOf(10 % each).compareTo(onHand(p)));
        assertEquals(0, sumOfMovements(p).compareTo(onHand(p)));
    }

    @Test
    public void aStocktakeBooksItsDifferencesOnce() {
        String a = product("SKU-T1", false, null);
        String b = product("SKU-T2", false, null);
        book(MovementTypes.OPENING_BALANCE, a, "10");
        book(MovementTypes.OPENING_BALANCE, b, "4");
        StocktakeStore sheets = new StocktakeStore(jpa, events, ledger, null);
        StocktakeLineStore lines = new StocktakeLineStore(jpa, events, catalog, null);
        Stocktake s = sheets.create(Map.of("warehouseId", main, "countDate", LocalDate.of(2026, 12, 7)), USER);
        assertEquals(InventoryTypes.DRAFT, s.getStatus());
        StocktakeLine la = lines.create(Map.of("stocktakeId", s.getId(), "productId", a, "countedQuantity", new BigDecimal("8")), USER);
        lines.create(Map.of("stocktakeId", s.getId(), "productId", b, "countedQuantity", new BigDecimal("4")), USER);
        assertEquals(0, new BigDecimal("10").compareTo(la.getSystemQuantity()));
        assertEquals(409, refused(() -> lines.create(Map.of("stocktakeId", s.getId(), "productId", a, "countedQuantity", BigDecimal.ONE), USER)).status());
        book(MovementTypes.DELIVERY, a, "-1"); // after the count: stays
        assertEquals(409, refused(() -> sheets.post(s.getId(), USER)).status());
        sheets.completeCount(s.getId(), USER);
        assertEquals(409, refused(() -> lines.update(la.getId(), null, Map.of("countedQuantity", BigDecimal.ONE), USER)).status());
        Stocktake posted = sheets.post(s.getId(), USER);
        assertEquals(InventoryTypes.POSTED, posted.getStatus());
        assertEquals(0, new BigDecimal("7").compareTo(onHand(a)));
        assertEquals(0, new BigDecimal("4").compareTo(onHand(b)));
        long corrections = jpa.txExpr(em -> em.createQuery("SELECT COUNT(m) FROM StockMovement m WHERE m.movementType = :t AND m.sourceId = :s", Long.class)
                .setParameter("t", MovementTypes.STOCKTAKE_CORRECTION).setParameter("s", s.getId()).getSingleResult());
        assertEquals(1, corrections);
        AtriumException again = refused(() -> sheets.post(s.getId(), USER));
        assertEquals(409, again.status());
        assertEquals("stocktake-posted", again.problemType());
        assertEquals(0, new BigDecimal("7").compareTo(onHand(a)));
        assertEquals(0, sumOfMovements(a).compareTo(onHand(a)));
    }

    @Test
    public void movementsAndBalancesCannotBeChangedByClients() {
        String p = product("SKU-I", false, null);
        Ledger.Booking b = book(MovementTypes.OPENING_BALANCE, p, "1");
        StockBalanceStore balances = new StockBalanceStore(jpa, events, null);
        assertEquals(409, refused(() -> balances.update(b.movements().get(0).balanceId(), null, Map.of(), USER)).status());
        assertEquals(409, refused(() -> balances.delete(b.movements().get(0).balanceId(), null, USER)).status());
        if (balances.find(b.movements().get(0).balanceId()).isEmpty()) {
            fail("the balance is a record of its own");
        }
    }
}
