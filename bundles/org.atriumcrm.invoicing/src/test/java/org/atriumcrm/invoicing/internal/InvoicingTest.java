package org.atriumcrm.invoicing.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.inventory.api.Ledger;
import org.atriumcrm.inventory.api.MovementTypes;
import org.atriumcrm.inventory.internal.InventorySeed;
import org.atriumcrm.inventory.internal.LedgerService;
import org.atriumcrm.inventory.internal.WarehouseStore;
import org.atriumcrm.invoicing.api.Invoice;
import org.atriumcrm.invoicing.api.InvoiceStatus;
import org.atriumcrm.orders.internal.OrdersFixture;
import org.atriumcrm.persistence.api.RecordIds;
import org.atriumcrm.persistence.api.Transactions;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Delivery notes and invoices on one in-memory Derby database shared by the orders, inventory and invoicing units, with
 * the real ledger and the real orders stores: partial deliveries with what remains per line, gift items out with their
 * product, cancellation putting the stock back, a shortage refused with nothing written, 16 notes released together
 * on 10 units, invoices with due dates from the term, and recurring invoices claimed once per period.
 */
public class InvoicingTest {
    private static final Caller CLERK = new Caller("clerk-1", "clerk");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final Map<String, Catalog.Item> products = new HashMap<>();
    private final List<Event> posted = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger numbers = new AtomicInteger();
    private InMemoryJpa ordersJpa;
    private InMemoryJpa inventoryJpa;
    private InMemoryJpa invoicingJpa;
    private LedgerService ledger;
    private OrdersFixture orders;
    private DeliveryNoteStore notes;
    private InvoiceStore invoices;
    private RecurringInvoicing recurring;

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
        EmbeddedDataSource db = new EmbeddedDataSource();
        db.setDatabaseName("memory:invoicing_" + DATABASES.incrementAndGet());
        db.setCreateDatabase("create");
        Map<String, Object> shared = Map.of("javax.persistence.nonJtaDataSource", db);
        ordersJpa = InMemoryJpa.of("atrium.orders", shared);
        inventoryJpa = InMemoryJpa.of("atrium.inventory", shared);
        invoicingJpa = InMemoryJpa.of(InvoicingTypes.UNIT, shared);
        new InventorySeed(new WarehouseStore(inventoryJpa, events, null), null);
        ledger = new LedgerService(catalog, inventoryJpa, events, null);
        orders = new OrdersFixture(ordersJpa, events, catalog, numbers);
        notes = new DeliveryNoteStore(invoicingJpa, events, s -> s + "-2026-" + String.format("%06d", numbers.incrementAndGet()),
                orders.fulfilment, ledger, catalog, null);
        invoices = new InvoiceStore(invoicingJpa, events, s -> s + "-2026-" + String.format("%06d", numbers.incrementAndGet()),
                orders.fulfilment, null);
        recurring = new RecurringInvoicing(orders.fulfilment, invoices, null, Map.of("intervalSeconds", "100000"));
    }

    @After
    public void tearDown() {
        recurring.stop();
        invoicingJpa.close();
        inventoryJpa.close();
        ordersJpa.close();
    }

    private String product(String sku, String price, boolean stocked, List<Catalog.Component> parts) {
        String id = RecordIds.next();
        products.put(id, new Catalog.Item(id, sku, "产品 " + sku, stocked ? Catalog.Kind.PRODUCT : Catalog.Kind.SERVICE, true, "pcs",
                new BigDecimal(price), "CNY", null, new BigDecimal("13"), stocked, false, null, false, "owner", null, parts));
        return id;
    }

    private void stock(String product, String quantity) {
        Transactions.required(inventoryJpa, em -> ledger.book(em, MovementTypes.OPENING_BALANCE, new Ledger.Source("Test", "t", null),
                List.of(new Ledger.Move(product, null, new BigDecimal(quantity), null, null)), CLERK));
    }

    private BigDecimal onHand(String product) {
        return ledger.totalOnHand(product);
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(expected + " vs " + actual, 0, new BigDecimal(expected).compareTo(actual));
    }

    private static AtriumException refused(Runnable r) {
        try {
            r.run();
        } catch (AtriumException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    private String line(String orderId) {
        return orders.fulfilment.order(orderId).orElseThrow().lines().get(0).id();
    }

    private DeliveryNote note(String orderId, String orderLine, String quantity) {
        return notes.draft(orderId, Map.of("carrier", "顺丰"), List.of(new DeliveryNoteStore.Ask(orderLine, new BigDecimal(quantity))), CLERK);
    }

    @Test
    public void partialDeliveriesTakeStockAndGiftsOutAndACancellationPutsThemBack() {
        String gift = product("GIFT", "0", true, List.of());
        String p = product("P", "100", true, List.of(new Catalog.Component(gift, BigDecimal.ONE, true)));
        stock(p, "10");
        stock(gift, "10");
        String o = orders.confirmed("acc-1", Map.of(p, "5"), Map.of("paymentTermDays", 30L, "shippingAddress", "上海市浦东新区"), CLERK);
        String ol = line(o);

        DeliveryNote first = notes.issue(note(o, ol, "2").getId(), CLERK);
        assertEquals(InvoicingTypes.ISSUED, first.getStatus());
        assertEquals("上海市浦东新区", first.getShippingAddress());
        assertAmount("8", onHand(p));
        assertAmount("8", onHand(gift));
        assertEquals("partly_delivered", orders.status(o));

        AtriumException over = refused(() -> note(o, ol, "4"));
        assertEquals(400, over.status());
        assertEquals("delivery-exceeds-remaining", over.problemType());
        assertTrue(over.getMessage(), over.getMessage().contains("only 3 remain"));

        notes.issue(note(o, ol, "3").getId(), CLERK);
        assertAmount("5", onHand(p));
        assertAmount("5", onHand(gift));
        assertEquals("delivered", orders.status(o));
        assertEquals(409, refused(() -> notes.draft(o, Map.of(), List.of(), CLERK)).status());

        DeliveryNote cancelled = notes.cancel(first.getId(), "客户拒收", CLERK);
        assertEquals(InvoicingTypes.CANCELLED, cancelled.getStatus());
        assertAmount("7", onHand(p));
        assertAmount("7", onHand(gift));
        assertEquals("partly_delivered", orders.status(o));
        assertAmount("2", orders.fulfilment.order(o).get().lines().get(0).toDeliver());
        assertEquals(409, refused(() -> notes.cancel(first.getId(), null, CLERK)).status());
        assertEquals(1, posted.stream().filter(e -> e.getTopic().equals("atrium/DeliveryNote/CANCELLED")).count());
        assertEquals(2, posted.stream().filter(e -> e.getTopic().equals("atrium/DeliveryNote/ISSUED")).count());
        // the lines written with their note are announced as any created line
        assertEquals(2, posted.stream().filter(e -> e.getTopic().equals("atrium/DeliveryNoteLine/CREATED")).count());
    }

    @Test
    public void aShortageIsRefusedWithItsShortfallAndNothingWritten() {
        String gift = product("GIFT2", "0", true, List.of());
        String p = product("Q", "100", true, List.of(new Catalog.Component(gift, new BigDecimal("2"), true)));
        stock(p, "5");
        stock(gift, "3"); // 2 units need 4 gifts
        String o = orders.confirmed("acc-2", Map.of(p, "2"), Map.of(), CLERK);
        DeliveryNote draft = note(o, line(o), "2");
        AtriumException short_ = refused(() -> notes.issue(draft.getId(), CLERK));
        assertEquals(409, short_.status());
        assertEquals("insufficient-stock", short_.problemType());
        assertEquals(gift, short_.extensions().get("productId"));
        assertEquals("1", short_.extensions().get("shortfall"));
        assertAmount("5", onHand(p));
        assertAmount("3", onHand(gift));
        assertEquals("confirmed", orders.status(o));
        assertEquals(InvoicingTypes.DRAFT, notes.find(draft.getId()).get().getStatus());
        assertAmount("0", orders.fulfilment.order(o).get().lines().get(0).delivered());
    }

    /**
     * "Issue at once" (the deliver action's {@code issue: true}) is all or nothing: a shortage leaves no draft behind (a
     * retry would otherwise leave one more each time), and one that goes through is created issued.
     */
    @Test
    public void aNoteIssuedAtOnceIsNotLeftAsADraftWhenItsStockIsShort() {
        String p = product("ONCE", "100", true, List.of());
        String service = product("ONCE-SVC", "50", false, List.of());
        stock(p, "1");
        String o = orders.confirmed("acc-9", Map.of(p, "2", service, "3"), Map.of(), CLERK);
        Map<String, String> lineOf = new HashMap<>();
        orders.fulfilment.order(o).orElseThrow().lines().forEach(l -> lineOf.put(l.productId(), l.id()));
        List<DeliveryNoteStore.Ask> asks = List.of(new DeliveryNoteStore.Ask(lineOf.get(p), new BigDecimal("2")),
                new DeliveryNoteStore.Ask(lineOf.get(service), BigDecimal.ONE));

        AtriumException short_ = refused(() -> notes.deliver(o, Map.of("carrier", "顺丰"), asks, true, CLERK));
        assertEquals("insufficient-stock", short_.problemType());
        assertEquals("nothing written: " + notesOf(o), 0, notesOf(o).size());
        assertEquals(0, posted.stream().filter(e -> e.getTopic().startsWith("atrium/DeliveryNote")).count());
        assertAmount("1", onHand(p));
        assertAmount("0", orders.fulfilment.order(o).get().lines().stream().filter(l -> l.productId().equals(p)).findFirst().get().delivered());

        DeliveryNote issued = notes.deliver(o, Map.of("carrier", "顺丰"), List.of(new DeliveryNoteStore.Ask(lineOf.get(p), BigDecimal.ONE),
                new DeliveryNoteStore.Ask(lineOf.get(service), BigDecimal.ONE)), true, CLERK);
        assertEquals(InvoicingTypes.ISSUED, issued.getStatus());
        assertEquals(List.of(issued.getId()), notesOf(o));
        assertEquals(InvoicingTypes.ISSUED, notes.find(issued.getId()).get().getStatus());
        assertEquals(2L, (long) notes.find(issued.getId()).get().getLineCount());
        assertAmount("0", onHand(p));
        assertEquals("partly_delivered", orders.status(o));
        assertEquals(1, posted.stream().filter(e -> e.getTopic().equals("atrium/DeliveryNote/CREATED")).count());
        assertEquals(2, posted.stream().filter(e -> e.getTopic().equals("atrium/DeliveryNoteLine/CREATED")).count());
        assertEquals(1, posted.stream().filter(e -> e.getTopic().equals("atrium/DeliveryNote/ISSUED")).count());
    }

    private List<String> notesOf(String orderId) {
        return notes.inTransaction(em -> em.createQuery("SELECT n.id FROM DeliveryNote n WHERE n.salesOrderId = :o", String.class)
                .setParameter("o", orderId).getResultList());
    }

    @Test
    public void sixteenNotesReleasedTogetherOnTenUnitsIssueExactlyTen() throws Exception {
        String p = product("LAST", "10", true, List.of());
        stock(p, "10");
        String o = orders.confirmed("acc-3", Map.of(p, "16"), Map.of(), CLERK);
        String ol = line(o);
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            drafts.add(note(o, ol, "1").getId());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CyclicBarrier start = new CyclicBarrier(16);
        List<Future<String>> answers = new ArrayList<>();
        for (String d : drafts) {
            answers.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                    notes.issue(d, CLERK);
                    return "issued";
                } catch (AtriumException e) {
                    return e.status() + " " + e.problemType() + " " + e.extensions().get("shortfall");
                }
            }));
        }
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (Future<String> f : answers) {
            outcomes.merge(f.get(120, TimeUnit.SECONDS), 1, Integer::sum);
        }
        pool.shutdown();
        assertEquals(outcomes.toString(), Map.of("issued", 10, "409 insufficient-stock 1", 6), outcomes);
        assertAmount("0", onHand(p));
        assertAmount("10", orders.fulfilment.order(o).get().lines().get(0).delivered());
    }

    @Test
    public void invoicesTakeTheirDueDateFromTheTermAndNeverInvoiceTwice() {
        String p = product("INV", "100", true, List.of());
        String service = product("SVC", "50", false, List.of());
        stock(p, "10");
        Map<String, String> ordered = new LinkedHashMap<>(); // the product first: line(o) is its line
        ordered.put(p, "4");
        ordered.put(service, "2");
        String o = orders.confirmed("acc-4", ordered, Map.of("paymentTermDays", 45L), CLERK);
        DeliveryNote n = notes.issue(note(o, line(o), "3").getId(), CLERK);

        Invoice fromNote = invoices.fromOrder(o, List.of(n.getId()), Map.of(), CLERK);
        assertEquals(1L, (long) fromNote.getLineCount());
        assertAmount("339.00", fromNote.getGrandTotal()); // 3 × 100 + 13 %
        Invoice issued = invoices.issue(fromNote.getId(), CLERK);
        assertEquals(LocalDate.now(), issued.getIssueDate());
        assertEquals(LocalDate.now().plusDays(45), issued.getDueDate());
        assertEquals(InvoiceStatus.ISSUED, issued.getStatus());
        assertAmount("339.00", orders.invoicedAmount(o));

        Invoice rest = invoices.fromOrder(o, List.of(), Map.of("issueDate", LocalDate.of(2026, 1, 10), "paymentTermDays", 10L), CLERK);
        assertEquals(2L, (long) rest.getLineCount()); // 1 × P and 2 × the service
        Invoice restIssued = invoices.issue(rest.getId(), CLERK);
        assertEquals(LocalDate.of(2026, 1, 20), restIssued.getDueDate());
        assertEquals(409, refused(() -> invoices.fromOrder(o, List.of(), Map.of(), CLERK)).status());

        // a second invoice of the same note is over what remains to invoice
        Invoice again = invoices.fromOrder(o, List.of(n.getId()), Map.of(), CLERK);
        AtriumException twice = refused(() -> invoices.issue(again.getId(), CLERK));
        assertEquals(400, twice.status());
        assertEquals("invoice-exceeds-remaining", twice.problemType());

        invoices.cancel(issued.getId(), "开错", CLERK);
        assertAmount(restIssued.getGrandTotal().toPlainString(), orders.invoicedAmount(o));
        assertEquals(InvoiceStatus.ISSUED, invoices.issue(again.getId(), CLERK).getStatus());
    }

    @Test
    public void recurringInvoicesAreIssuedOncePerPeriodEvenWithTwoRunsAtOnce() throws Exception {
        String service = product("SUB", "1000", false, List.of());
        LocalDate start = LocalDate.now().minusMonths(2);
        String o = orders.confirmed("acc-5", Map.of(service, "1"), Map.of("invoiceFrequency", "monthly", "invoiceStart", start,
                "invoicePaymentTermDays", 15L), CLERK);
        assertEquals(start, orders.nextInvoiceDate(o));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<List<Invoice>>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                together.await(30, TimeUnit.SECONDS);
                return recurring.runOnce(LocalDate.now(), Caller.SYSTEM);
            }));
        }
        List<Invoice> all = new ArrayList<>();
        for (Future<List<Invoice>> r : runs) {
            all.addAll(r.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(3, all.size());
        assertEquals(3, all.stream().map(Invoice::getPeriodStart).distinct().count());
        for (Invoice inv : all) {
            assertEquals(InvoicingTypes.RECURRING, inv.getKind());
            assertEquals(inv.getPeriodStart().plusDays(15), inv.getDueDate());
            assertAmount("1130.00", inv.getGrandTotal());
        }
        assertEquals(start.plusMonths(3), orders.nextInvoiceDate(o));
        assertTrue(recurring.runOnce(LocalDate.now(), Caller.SYSTEM).isEmpty());
        assertNull(null);
    }

    @Test
    public void anUnconfirmedOrderIsNotDelivered() {
        try {
            notes.draft(RecordIds.next(), Map.of(), List.of(), CLERK);
            fail();
        } catch (AtriumException e) {
            assertEquals(400, e.status());
        }
    }
}
