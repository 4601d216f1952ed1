package org.atriumcrm.orders.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.api.security.FieldAccess;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.api.security.Visibility;
import org.atriumcrm.commerce.api.Approvals;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.orders.api.Fulfilment;
import org.atriumcrm.persistence.api.RecordIds;
import org.atriumcrm.persistence.api.Transactions;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Sales orders on a real (in-memory Derby) database: bad lines refused with nothing written, totals through Amounts,
 * the credit check of a credit unit shared by two accounts (refused with its figures, kept on the order), 16
 * confirmations racing for one limit, and fulfilment's remaining quantities.
 */
public class OrdersTest {
    private static final Caller REP = new Caller("rep-1", "rep");
    private final Map<String, Catalog.Item> products = new HashMap<>();
    private final List<Event> posted = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger numbers = new AtomicInteger();
    private InMemoryJpa jpa;
    private SalesOrderStore orders;
    private SalesOrderLineStore lines;
    private CreditStores.Units units;
    private CreditStores.Accounts credits;
    private FulfilmentService fulfilment;

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

    private static final EntityAccess EVERYTHING = new EntityAccess() {
        @Override
        public Set<Right> rights() {
            return Set.of(Right.values());
        }

        @Override
        public Map<String, FieldAccess> restrictedFields() {
            return Map.of();
        }

        @Override
        public Visibility read() {
            return Visibility.ALL;
        }

        @Override
        public Visibility write() {
            return Visibility.ALL;
        }
    };

    private final AccessPolicy access = new AccessPolicy() {
        @Override
        public EntityAccess access(Caller caller, EntityType<?> type) {
            return EVERYTHING;
        }

        @Override
        public <T extends Record> RecordStore<T> secure(RecordStore<T> store, Caller caller) {
            return store;
        }
    };

    private static OrdersSettings settings(String action) {
        return new OrdersSettings() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return OrdersSettings.class;
            }

            @Override
            public String creditAction() {
                return action;
            }
        };
    }

    @Before
    public void setUp() {
        jpa = InMemoryJpa.of(OrderTypes.UNIT);
        Approvals approvals = new Approvals() {
            @Override
            public Route route(Subject subject) {
                return new Route(true, "boss-1", null, "credit");
            }

            @Override
            public boolean mayDecide(String userId, String approverId) {
                return userId.equals(approverId);
            }
        };
        RecordStores stores = new RecordStores() {
            @Override
            public Optional<RecordStore<?>> byName(String entityName) {
                return Optional.empty();
            }

            @Override
            public Optional<RecordStore<?>> byPlural(String plural) {
                return Optional.empty();
            }

            @Override
            public java.util.Collection<RecordStore<?>> all() {
                return List.of();
            }

            @Override
            public Subscription onAdded(java.util.function.Consumer<RecordStore<?>> added) {
                return () -> { };
            }
        };
        orders = new SalesOrderStore(jpa, events, series -> series + "-2026-" + String.format("%06d", numbers.incrementAndGet()), approvals,
                stores, new CreditSettings(settings("block")), null);
        orders.setCatalog(catalog);
        lines = new SalesOrderLineStore(jpa, events, access, orders, catalog, null);
        units = new CreditStores.Units(jpa, events, null);
        credits = new CreditStores.Accounts(jpa, events, null);
        fulfilment = new FulfilmentService(jpa, orders, null);
    }

    @After
    public void tearDown() {
        jpa.close();
    }

    private String product(String sku, String price, boolean active) {
        String id = RecordIds.next();
        products.put(id, new Catalog.Item(id, sku, "产品 " + sku, Catalog.Kind.PRODUCT, active, "pcs", new BigDecimal(price), "CNY",
                null, BigDecimal.ZERO, true, false, null, false, "owner", null, List.of()));
        return id;
    }

    private String order(String account, String product, String quantity) {
        String o = orders.create(Map.of("accountId", account, "subject", "订单"), REP).getId();
        lines.create(Map.of("salesOrderId", o, "productId", product, "quantity", new BigDecimal(quantity)), REP);
        return o;
    }

    private List<Event> topics(String topic) {
        synchronized (posted) {
            return posted.stream().filter(e -> e.getTopic().equals(topic)).toList();
        }
    }

    private static AtriumException refused(Runnable r) {
        try {
            r.run();
        } catch (AtriumException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    private static void assertAmount(String expected, Object actual) {
        assertNotNull("missing " + expected, actual);
        assertEquals(expected + " vs " + actual, 0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())));
    }

    @Test
    public void badLinesAreRefusedWithNothingWrittenAndTotalsComeFromAmounts() {
        String p = product("P1", "19.99", true);
        String retired = product("OLD", "1", false);
        String o = orders.create(Map.of("accountId", "acc-1"), REP).getId();
        assertTrue(orders.find(o).get().getNumber().matches("SO-\\d{4}-\\d{6}"));
        assertEquals(400, refused(() -> lines.create(Map.of("salesOrderId", o, "productId", p, "quantity", BigDecimal.ZERO), REP)).status());
        assertEquals(400, refused(() -> lines.create(Map.of("salesOrderId", o, "productId", retired, "quantity", BigDecimal.ONE), REP)).status());
        assertEquals(400, refused(() -> lines.create(Map.of("salesOrderId", o, "productId", RecordIds.next(), "quantity", BigDecimal.ONE), REP)).status());
        AtriumException discount = refused(() -> lines.create(Map.of("salesOrderId", o, "productId", p, "quantity", BigDecimal.ONE,
                "discountPercent", new BigDecimal("120")), REP));
        assertEquals("discountPercent", discount.errors().get(0).field());
        products.put("usd", new Catalog.Item("usd", "U1", "USD item", Catalog.Kind.PRODUCT, true, "pcs", BigDecimal.TEN, "USD", null,
                BigDecimal.ZERO, true, false, null, false, "owner", null, List.of()));
        assertEquals(400, refused(() -> lines.create(Map.of("salesOrderId", o, "productId", "usd", "quantity", BigDecimal.ONE), REP)).status());
        assertEquals(0L, (long) orders.find(o).get().getLineCount());
        assertEquals(0, lines.count());

        lines.create(Map.of("salesOrderId", o, "productId", p, "quantity", new BigDecimal("3"), "discountPercent", BigDecimal.TEN), REP);
        // 3 × 19.99 = 59.97 − 10 % = 53.973 → 53.97
        assertAmount("53.97", orders.find(o).get().getGrandTotal());
        assertEquals(409, refused(() -> orders.confirm(orders.create(Map.of("accountId", "acc-1"), REP).getId(), REP)).status());
    }

    @Test
    public void aCreditUnitSharesItsLimitAndARefusalKeepsItsFigures() {
        String p = product("P2", "100", true);
        String unit = units.create(Map.of("name", "集团", "creditLimit", new BigDecimal("1000"), "creditTermDays", 30L), REP).getId();
        credits.create(Map.of("accountId", "branch-a", "creditUnitId", unit), REP);
        credits.create(Map.of("accountId", "branch-b", "creditUnitId", unit), REP);
        assertEquals(409, refused(() -> credits.create(Map.of("accountId", "branch-a", "creditLimit", BigDecimal.TEN), REP)).status());

        SalesOrder first = orders.confirm(order("branch-a", p, "8"), REP);
        assertEquals(OrderTypes.CONFIRMED, first.getStatus());
        assertEquals(OrderTypes.CREDIT_PASSED, first.getCreditCheck());
        assertAmount("0", first.getCreditExposure());

        String second = order("branch-b", p, "3");
        AtriumException e = refused(() -> orders.confirm(second, REP));
        assertEquals(409, e.status());
        assertEquals("credit-limit-exceeded", e.problemType());
        assertEquals("1000", new BigDecimal(e.extensions().get("limit").toString()).stripTrailingZeros().toPlainString());
        assertAmount("800", e.extensions().get("exposure"));
        assertAmount("300", e.extensions().get("orderAmount"));
        assertAmount("100", e.extensions().get("overBy"));
        SalesOrder kept = orders.find(second).get();
        assertEquals(OrderTypes.DRAFT, kept.getStatus());
        assertEquals(OrderTypes.CREDIT_OVER_LIMIT, kept.getCreditCheck());
        assertAmount("800", kept.getCreditExposure());
        assertAmount("1000", kept.getCreditLimit());
        assertEquals(unit, kept.getCreditUnitId());

        // a smaller order fits what is left; an account without credit settings is not checked
        assertEquals(OrderTypes.CONFIRMED, orders.confirm(order("branch-b", p, "2"), REP).getStatus());
        assertEquals(OrderTypes.CREDIT_NOT_CONFIGURED, orders.confirm(order("elsewhere", p, "50"), REP).getCreditCheck());
        // a cancelled order gives its credit back
        orders.cancel(first.getId(), "客户取消", REP);
        assertEquals(OrderTypes.CONFIRMED, orders.confirm(second, REP).getStatus());
        // after commit: confirmed three times (the refusal announced nothing), cancelled once with its reason
        assertEquals(4, topics("atrium/SalesOrder/CONFIRMED").size());
        List<Event> cancelled = topics("atrium/SalesOrder/CANCELLED");
        assertEquals(1, cancelled.size());
        assertEquals("客户取消", cancelled.get(0).getProperty("reason"));
        assertEquals(first.getId(), cancelled.get(0).getProperty("id"));
    }

    @Test
    public void sixteenConfirmationsRacingForOneLimitNeverPassIt() throws Exception {
        String p = product("P3", "100", true);
        String unit = units.create(Map.of("name", "Race", "creditLimit", new BigDecimal("1000")), REP).getId();
        List<String> accounts = List.of("race-a", "race-b");
        for (String a : accounts) {
            credits.create(Map.of("accountId", a, "creditUnitId", unit), REP);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ids.add(order(accounts.get(i % 2), p, "1"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CyclicBarrier start = new CyclicBarrier(16);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String id : ids) {
            answers.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                    orders.confirm(id, REP);
                    return 200;
                } catch (AtriumException e) {
                    return e.status() * 1000 + ("credit-limit-exceeded".equals(e.problemType()) ? 1 : 0);
                }
            }));
        }
        int confirmed = 0;
        int refused = 0;
        for (Future<Integer> f : answers) {
            int a = f.get(60, TimeUnit.SECONDS);
            if (a == 200) {
                confirmed++;
            } else if (a == 409001) {
                refused++;
            } else {
                fail("unexpected answer " + a);
            }
        }
        pool.shutdown();
        assertEquals(10, confirmed);
        assertEquals(6, refused);
        BigDecimal total = BigDecimal.ZERO;
        for (String id : ids) {
            SalesOrder o = orders.find(id).get();
            if (OrderTypes.CONFIRMED.equals(o.getStatus())) {
                total = total.add(o.getGrandTotal());
            }
        }
        assertAmount("1000", total);
    }

    @Test
    public void fulfilmentNeverDeliversMoreThanRemainsAndDerivesTheStatus() {
        String p = product("P4", "10", true);
        String o = orders.confirm(order("acc-f", p, "5"), REP).getId();
        String line = SalesOrderStoreLines.first(jpa, o);
        Transactions.required(jpa, em -> {
            fulfilment.lock(em, o);
            fulfilment.deliver(em, o, List.of(new Fulfilment.Quantity(line, new BigDecimal("3"))), REP);
            return null;
        });
        assertEquals(OrderTypes.PARTLY_DELIVERED, orders.find(o).get().getStatus());
        AtriumException over = refused(() -> Transactions.required(jpa, em -> {
            fulfilment.lock(em, o);
            fulfilment.deliver(em, o, List.of(new Fulfilment.Quantity(line, new BigDecimal("3"))), REP);
            return null;
        }));
        assertEquals(400, over.status());
        assertEquals("delivery-exceeds-remaining", over.problemType());
        assertEquals(line, over.extensions().get("salesOrderLineId"));
        assertEquals("5", over.extensions().get("ordered"));
        assertEquals("3", over.extensions().get("delivered"));
        assertEquals("3", over.extensions().get("asked"));
        Transactions.required(jpa, em -> {
            fulfilment.lock(em, o);
            fulfilment.deliver(em, o, List.of(new Fulfilment.Quantity(line, new BigDecimal("2"))), REP);
            return null;
        });
        Fulfilment.Order done = fulfilment.order(o).get();
        assertEquals(OrderTypes.DELIVERED, done.status());
        assertAmount("0", done.lines().get(0).toDeliver());
        Transactions.required(jpa, em -> {
            fulfilment.undeliver(em, o, List.of(new Fulfilment.Quantity(line, new BigDecimal("2"))), REP);
            return null;
        });
        assertEquals(OrderTypes.PARTLY_DELIVERED, orders.find(o).get().getStatus());
        assertEquals(409, refused(() -> orders.cancel(o, null, REP)).status());
    }

    /** The first line's id of an order. */
    static final class SalesOrderStoreLines {
        static String first(InMemoryJpa jpa, String orderId) {
            return Transactions.required(jpa, em -> SalesOrderStore.lines(em, orderId).get(0).getId());
        }
    }

    @Test
    public void anOrderFromOutsideIsMadeOncePerSourceAndExternalIdEvenWhenSixteenTakeItAtOnce() throws Exception {
        String account = RecordIds.next();
        String desk = product("DESK-1", "1200.00", true);
        ExternalOrdersService external = new ExternalOrdersService(orders, null);
        org.atriumcrm.orders.api.ExternalOrders.Order order = new org.atriumcrm.orders.api.ExternalOrders.Order("shop-1", "10042", "#10042",
                account, null, null, null, "CNY", java.time.LocalDate.of(2026, 12, 7), null, "上海市浦东新区", new BigDecimal("20.00"),
                "网店订单", false, List.of(new org.atriumcrm.orders.api.ExternalOrders.Line(desk, new BigDecimal("2"), new BigDecimal("1100.00"), null, "书桌")));
        int takers = 16;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(takers);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(takers);
        List<java.util.concurrent.Future<org.atriumcrm.orders.api.ExternalOrders.Placed>> answers = new ArrayList<>();
        for (int i = 0; i < takers; i++) {
            answers.add(pool.submit(() -> {
                together.await();
                return external.place(order, Caller.SYSTEM);
            }));
        }
        Set<String> ids = new java.util.HashSet<>();
        int created = 0;
        for (var answer : answers) {
            org.atriumcrm.orders.api.ExternalOrders.Placed placed = answer.get();
            ids.add(placed.salesOrderId());
            created += placed.created() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, ids.size());
        assertEquals(1, created);
        SalesOrder made = orders.find(ids.iterator().next()).orElseThrow();
        assertEquals("#10042", made.getExternalNumber());
        assertEquals(0, new BigDecimal("2220.00").compareTo(made.getGrandTotal()));
        assertEquals(Long.valueOf(1), orders.<Long>inTransaction(em -> em.createQuery("SELECT COUNT(o) FROM SalesOrder o WHERE o.externalId = '10042' AND o.externalSource = 'shop-1'", Long.class).getSingleResult()));
        assertEquals(Long.valueOf(1), orders.<Long>inTransaction(em -> em.createQuery("SELECT COUNT(l) FROM SalesOrderLine l WHERE l.salesOrderId = :o", Long.class)
                .setParameter("o", made.getId()).getSingleResult()));

        // a product that is not in the catalog: a 400 naming the line, nothing written
        org.atriumcrm.orders.api.ExternalOrders.Order unknown = new org.atriumcrm.orders.api.ExternalOrders.Order("shop-1", "10043", null,
                account, null, null, null, null, null, null, null, null, null, false,
                List.of(new org.atriumcrm.orders.api.ExternalOrders.Line("no-such-product", BigDecimal.ONE, null, null, null)));
        try {
            external.place(unknown, Caller.SYSTEM);
            org.junit.Assert.fail("placed");
        } catch (AtriumException e) {
            assertEquals(400, e.status());
            assertEquals("lines[0].productId", e.errors().get(0).field());
        }
        assertTrue(external.find("shop-1", "10043").isEmpty());

        assertTrue(external.cancel("shop-1", "10042", "customer cancelled in the shop", Caller.SYSTEM));
        assertFalse(external.cancel("shop-1", "10042", "again", Caller.SYSTEM));
        assertEquals(OrderTypes.CANCELLED, external.find("shop-1", "10042").orElseThrow().status());
    }
}
