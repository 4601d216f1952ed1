package org.atriumcrm.shop.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Deliveries taken in once, however many takers race for one, and their outcomes written as bookkeeping. */
public class ShopDeliveryStoreTest {
    private static EntityManagerFactory emf;
    private ShopDeliveryStore store;

    @BeforeClass
    public static void open() {
        emf = Persistence.createEntityManagerFactory("shoptest");
    }

    @AfterClass
    public static void close() {
        emf.close();
    }

    @Before
    public void setUp() {
        InMemoryJpa jpa = new InMemoryJpa(emf);
        jpa.tx(em -> em.createQuery("DELETE FROM ShopDelivery").executeUpdate());
        jpa.tx(em -> em.createQuery("DELETE FROM InboundReceipt").executeUpdate());
        EventAdmin events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
            }

            @Override
            public void sendEvent(Event event) {
            }
        };
        store = new ShopDeliveryStore(jpa, events, null);
    }

    @Test
    public void sixteenTakersOfOneDeliveryStoreItOnceAndOtherDeliveriesAllOnce() throws Exception {
        int takers = 16;
        CyclicBarrier together = new CyclicBarrier(takers);
        ExecutorService pool = Executors.newFixedThreadPool(takers);
        List<Future<ShopDeliveryStore.Intake>> answers = new ArrayList<>();
        for (int i = 0; i < takers; i++) {
            String key = i < 8 ? "delivery-same" : "delivery-" + i; // eight retries of one delivery, eight others
            answers.add(pool.submit(() -> {
                together.await();
                return store.intake("connector-1", WooCommerce.ID, "order.created", key, "{\"id\": 1}", "owner-1");
            }));
        }
        Set<String> ids = new HashSet<>();
        int duplicates = 0;
        for (Future<ShopDeliveryStore.Intake> answer : answers) {
            ShopDeliveryStore.Intake intake = answer.get();
            ids.add(intake.deliveryId());
            duplicates += intake.duplicate() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(9, ids.size());
        assertEquals(7, duplicates);
        assertEquals(9, store.count("connector-1", ShopDelivery.RECEIVED));
        // another connector's delivery id is its own
        assertFalse(store.intake("connector-2", Shopify.ID, "orders/create", "delivery-same", "{}", "owner-1").duplicate());
    }

    @Test
    public void outcomesAreBookkeepingAndOnlyHeldOrFailedDeliveriesAreRetried() {
        String id = store.intake("connector-1", WooCommerce.ID, "order.created", "d-1", "{\"id\": 727}", "owner-1").deliveryId();
        long version = store.find(id).orElseThrow().getVersion();
        assertEquals(1, store.pending("connector-1", 10).size());
        store.outcome(id, ShopDelivery.HELD, "727", null, "unknown SKU CHAIR-01");
        ShopDelivery held = store.find(id).orElseThrow();
        assertEquals(ShopDelivery.HELD, held.getStatus());
        assertEquals("727", held.getExternalOrderId());
        assertEquals(Long.valueOf(1), held.getAttempts());
        assertEquals(version, held.getVersion());
        assertTrue(store.pending("connector-1", 10).isEmpty());
        store.retry(id);
        assertEquals(1, store.pending("connector-1", 10).size());
        try {
            store.retry(id);
            fail("a waiting delivery retried");
        } catch (AtriumException e) {
            assertEquals(409, e.status());
        }
        store.outcome(id, ShopDelivery.PROCESSED, "727", "order-1", null);
        assertEquals("order-1", store.find(id).orElseThrow().getSalesOrderId());
        assertEquals(Long.valueOf(2), store.find(id).orElseThrow().getAttempts());
    }

    @Test
    public void clientsCannotWriteDeliveries() {
        try {
            store.create(Map.of(), new Caller("admin-1", "admin", true));
            fail("created");
        } catch (AtriumException e) {
            assertEquals(409, e.status());
        }
    }
}
