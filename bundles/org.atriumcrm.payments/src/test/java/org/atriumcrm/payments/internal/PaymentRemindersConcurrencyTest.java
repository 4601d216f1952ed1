package org.atriumcrm.payments.internal;

import static org.junit.Assert.assertEquals;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;

import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.commerce.api.OpenItems;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The reminder claim on an in-memory Derby database: 16 rounds released together (a restart's round racing the timer's,
 * a second node) remind each invoice once per stage, never twice, and lose none.
 */
public class PaymentRemindersConcurrencyTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final int ROUNDS = 16;
    private final List<Event> posted = Collections.synchronizedList(new ArrayList<>());
    private final List<OpenItems.OpenItem> invoices = new ArrayList<>();
    private InMemoryJpa jpa;
    private PaymentReminders reminders;

    @Before
    public void setUp() {
        jpa = InMemoryJpa.of(PaymentTypes.UNIT);
        EventAdmin events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                posted.add(event);
            }
        };
        PaymentStore store = new PaymentStore(jpa, events, series -> series + "-1", null);
        store.bindOpenItems(new Invoices(), Map.of(OpenItems.ENTITY_PROPERTY, PaymentStore.INVOICE));
        reminders = new PaymentReminders(store, events, new Config(), null);
    }

    @After
    public void tearDown() {
        reminders.stop();
        jpa.close();
    }

    private void invoice(String id, int dueInDays) {
        invoices.add(new OpenItems.OpenItem(PaymentStore.INVOICE, id, "INV-2026-" + id, "account-1", "owner-1", "CNY",
                new BigDecimal("100.00"), BigDecimal.ZERO, TODAY.plusDays(dueInDays), "issued"));
    }

    @Test
    public void sixteenRoundsReleasedTogetherRemindEachInvoiceOncePerStage() throws Exception {
        invoice("a", -10); // overdue-7
        invoice("b", -40); // overdue-30
        invoice("c", 2); // before
        invoice("d", 10); // nothing yet
        List<Integer> sent = together(() -> reminders.remind(TODAY));
        assertEquals("one reminder per invoice and stage over all rounds: " + sent, 3, sent.stream().mapToInt(Integer::intValue).sum());
        List<Object> overdue = new ArrayList<>();
        synchronized (posted) {
            posted.stream().filter(e -> CommerceEvents.INVOICE_OVERDUE.equals(e.getTopic())).forEach(e -> overdue.add(e.getProperty("id")));
        }
        Collections.sort(overdue, (x, y) -> String.valueOf(x).compareTo(String.valueOf(y)));
        assertEquals(List.of("a", "b"), overdue);
        assertEquals(3L, (long) jpa.txExpr(em -> em.createQuery("SELECT COUNT(r) FROM PaymentReminder r", Long.class).getSingleResult()));

        // the next stage of an invoice is claimed once more, the stages already sent not again
        invoices.set(0, new OpenItems.OpenItem(PaymentStore.INVOICE, "a", "INV-2026-a", "account-1", "owner-1", "CNY",
                new BigDecimal("100.00"), BigDecimal.ZERO, TODAY.minusDays(30), "issued"));
        List<Integer> later = together(() -> reminders.remind(TODAY));
        assertEquals("only a's overdue-30: " + later, 1, later.stream().mapToInt(Integer::intValue).sum());
    }

    private static List<Integer> together(java.util.concurrent.Callable<Integer> round) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ROUNDS);
        try {
            CyclicBarrier start = new CyclicBarrier(ROUNDS);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return round.call();
                }));
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The invoicing module's open invoices as the reminders read them. */
    private final class Invoices implements OpenItems {
        @Override
        public String direction() {
            return RECEIVABLE;
        }

        @Override
        public OpenItem find(String id, Caller caller) {
            return invoices.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
        }

        @Override
        public List<OpenItem> open(Collection<String> partyIds, String currency) {
            return List.copyOf(invoices);
        }

        @Override
        public List<OpenItem> dueBetween(LocalDate from, LocalDate to, int limit) {
            return invoices.stream().filter(i -> !i.dueDate().isBefore(from) && !i.dueDate().isAfter(to)).toList();
        }

        @Override
        public OpenItem settle(EntityManager em, String id, BigDecimal delta, Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void settled(String id, Caller caller) {
        }
    }

    /** The configured defaults, the timer's first round far away: the test runs the rounds. */
    private static final class Config implements PaymentReminders.Config {
        @Override
        public long intervalSeconds() {
            return 86_400;
        }

        @Override
        public int daysBefore() {
            return 3;
        }

        @Override
        public int[] daysAfter() {
            return new int[] {1, 7, 30};
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return PaymentReminders.Config.class;
        }
    }
}
