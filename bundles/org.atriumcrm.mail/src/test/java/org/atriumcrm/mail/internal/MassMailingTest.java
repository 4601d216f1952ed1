package org.atriumcrm.mail.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.api.security.FieldAccess;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.api.security.Visibility;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/** Templates, mass-mailing batches, resume and tracking on EclipseLink and in-memory Derby. */
public class MassMailingTest {
    private static final Caller SENDER = new Caller("00000000-0000-7000-8000-000000000001", "wang.wu");
    /** A user from whom field-level security hides contacts' first names. */
    private static final Caller RESTRICTED = new Caller("00000000-0000-7000-8000-000000000002", "restricted");
    private static EntityManagerFactory emf;

    private InMemoryJpa jpa;
    private JpaRecordStore<TestContact> contacts;
    private MailRecords records;
    private EmailTemplateStore templates;
    private MassMailingStore mailings;
    private EmailTrackingStore tracking;
    private final TrackingLinks links = new TrackingLinks("https://crm.example.com", "k".getBytes(StandardCharsets.UTF_8));

    @BeforeClass
    public static void openDatabase() {
        emf = Persistence.createEntityManagerFactory("mailtest");
    }

    @AfterClass
    public static void closeDatabase() {
        emf.close();
    }

    @Before
    public void emptyTables() {
        jpa = new InMemoryJpa(emf);
        for (String entity : List.of("EmailTracking", "MassMailingRecipient", "MassMailing", "MailOutboxEntry", "Email", "EmailTemplate",
                "EmailSignature", "TestContact", "RecordChange")) {
            jpa.tx(em -> em.createQuery("DELETE FROM " + entity).executeUpdate());
        }
        contacts = new JpaRecordStore<>(TestContact.TYPE, jpa, null, List.of(TestContact.TYPE));
        records = new MailRecords(registryOf(contacts), policy(), new EmailSignatureStore(jpa, null, null), null);
        templates = new EmailTemplateStore(jpa, null, records, null);
        mailings = new MassMailingStore(jpa, null, null);
        tracking = new EmailTrackingStore(jpa, null, null);
    }

    private static AccessPolicy policy() {
        return new AccessPolicy() {
            @Override
            public EntityAccess access(Caller caller, EntityType<?> type) {
                return new EntityAccess() {
                    @Override
                    public Set<Right> rights() {
                        return EnumSet.allOf(Right.class);
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
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T extends Record> RecordStore<T> secure(RecordStore<T> store, Caller caller) {
                if (caller != RESTRICTED) {
                    return store;
                }
                EntityType<T> restricted = store.type().restrictedTo(Map.of("firstName", FieldAccess.HIDDEN));
                return (RecordStore<T>) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RecordStore.class},
                        (proxy, method, args) -> "type".equals(method.getName()) ? restricted : method.invoke(store, args));
            }
        };
    }

    private String contact(String lastName, String firstName, String email, boolean optOut) {
        Map<String, Object> values = new HashMap<>();
        values.put("lastName", lastName);
        values.put("firstName", firstName);
        values.put("email", email);
        values.put("doNotEmail", optOut);
        return contacts.create(values, SENDER).getId();
    }

    private EmailTemplate template(String subject, String text, String html) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", "年终回馈");
        values.put("language", "zh-CN");
        values.put("appliesTo", "Contact");
        values.put("subject", subject);
        values.put("textBody", text);
        values.put("htmlBody", html);
        return templates.create(values, SENDER);
    }

    private long count(String jpql) {
        return jpa.txExpr(em -> em.createQuery(jpql, Long.class).getSingleResult());
    }

    @Test
    public void unknownMergeFieldsAreRefusedWhenSaved() {
        try {
            template("{{contact.lastName}}", "{{contact.nickname}} {{account.name}}", null);
            fail("saved");
        } catch (AtriumException e) {
            assertEquals(400, e.status());
            assertEquals(2, e.errors().size()); // the contact has no nickname, and the (test) customers module has no Account store
        }
        assertEquals(0, templates.count());
    }

    @Test
    public void hiddenFieldsRenderEmptyForWhoeverMayNotSeeThem() {
        String id = contact("张", "三", "zhang@example.com", false);
        EmailTemplate t = template("{{contact.lastName}}{{contact.firstName}}您好", "尊敬的{{contact.lastName}}{{contact.firstName}}", null);
        MailRecords.Target visible = records.target("Contact", id, "zh-CN", SENDER);
        assertEquals("张三您好", TemplateRenderer.compile(t).render(visible.scope()).subject());
        MailRecords.Target hidden = records.target("Contact", id, "zh-CN", RESTRICTED);
        assertEquals("张您好", TemplateRenderer.compile(t).render(hidden.scope()).subject());
        assertEquals("restricted", ((Map<?, ?>) hidden.scope().get("sender")).get("name")); // no signature: the login name
        new EmailSignatureStore(jpa, null, null).create(Map.of("senderName", "王五", "signature", "销售部\n021-1234"), SENDER);
        Map<?, ?> sender = (Map<?, ?>) records.target("Contact", id, "zh-CN", SENDER).scope().get("sender");
        assertEquals("王五", sender.get("name"));
        assertEquals("销售部\n021-1234", sender.get("signature"));
    }

    @Test
    public void batchesSkipOptOutsResumeAfterACrashAndNeverMailTwice() {
        List<String> ids = new ArrayList<>();
        int optOuts = 0;
        int noAddress = 0;
        for (int i = 0; i < 130; i++) {
            boolean optOut = i % 10 == 0;
            boolean none = !optOut && i % 13 == 1;
            optOuts += optOut ? 1 : 0;
            noAddress += none ? 1 : 0;
            ids.add(contact("李" + i, "四", none ? null : "c" + i + "@example.com", optOut));
        }
        int sendable = 130 - optOuts - noAddress;
        EmailTemplate t = template("{{contact.lastName}}，您好", "尊敬的{{contact.lastName}}{{contact.firstName}}：新品上市。", "<p>{{contact.lastName}}</p>");
        MassMailing m = mailings.start("双十一", t, ids, List.of(), null, SENDER);
        assertEquals(130L, (long) m.getRecipientCount());

        assertEquals(50, new MassMailingRun(mailings, templates, records, () -> links, () -> "crm@example.com", 50).step(m.getId()));
        // the node dies here; a new job (after the restart) picks up the rows still pending
        MassMailingRun resumed = new MassMailingRun(mailings, templates, records, () -> links, () -> "crm@example.com", 50);
        assertEquals(50, resumed.step(m.getId()));
        assertEquals(30, resumed.step(m.getId()));
        assertEquals(0, resumed.step(m.getId()));

        assertEquals(sendable, count("SELECT COUNT(e) FROM Email e"));
        assertEquals(sendable, count("SELECT COUNT(DISTINCT e.toAddresses) FROM Email e"));
        assertEquals(sendable, count("SELECT COUNT(o) FROM MailOutboxEntry o WHERE o.status = 'pending'"));
        assertEquals(sendable, count("SELECT COUNT(DISTINCT t.token) FROM EmailTracking t"));
        MassMailing after = mailings.get(m.getId());
        assertEquals(MassMailing.SENDING, after.getStatus());
        assertEquals(0L, (long) after.getPendingCount());
        assertEquals(sendable, (long) after.getQueuedCount());
        assertEquals(optOuts + noAddress, (long) after.getSkippedCount());
        assertEquals(optOuts, count("SELECT COUNT(r) FROM MassMailingRecipient r WHERE r.status = 'skipped-opt-out'"));

        // a second node that rendered the same recipients commits nothing new
        List<MassMailingStore.Outcome> late = new ArrayList<>();
        for (MassMailingRecipient r : jpa.txExpr(em -> em.createQuery("SELECT r FROM MassMailingRecipient r WHERE r.status = 'queued'",
                MassMailingRecipient.class).setMaxResults(5).getResultList())) {
            late.add(new MassMailingStore.Outcome(r.getId(), MassMailingRecipient.QUEUED, null, "x@example.com", new MailingQueue.Outgoing(
                    "x@example.com", new TemplateRenderer.Rendered("s", "t", null), r.getContactId(), null, null, TrackingLinks.newToken(),
                    m.getId(), r.getId(), SENDER.userId())));
        }
        assertEquals(List.of(), mailings.applyBatch(m.getId(), late, "crm@example.com", SENDER));
        assertEquals(sendable, count("SELECT COUNT(e) FROM Email e"));

        Email one = jpa.txExpr(em -> em.createQuery("SELECT e FROM Email e WHERE e.toAddresses = 'c2@example.com'", Email.class).getSingleResult());
        assertEquals("李2，您好", one.getSubject());
        EmailTracking t2 = tracking.forEmail(one.getId()).orElseThrow();
        assertTrue(one.getTextBody(), one.getTextBody().startsWith("尊敬的李2四：新品上市。"));
        assertTrue(one.getTextBody(), one.getTextBody().contains(links.unsubscribeUrl(t2.getToken())));
        assertTrue(one.getHtmlBody(), one.getHtmlBody().contains("<a href=\"" + links.unsubscribeUrl(t2.getToken()) + "\">退订</a>"));
        assertEquals(Email.QUEUED, one.getStatus());

        // the outbox delivers everything: recipients follow their emails and the mailing completes
        jpa.tx(em -> em.createQuery("UPDATE Email e SET e.status = 'sent'").executeUpdate());
        mailings.reconcile(m.getId());
        MassMailing done = mailings.get(m.getId());
        assertEquals(MassMailing.COMPLETED, done.getStatus());
        assertEquals(sendable, (long) done.getSentCount());
        assertEquals(0L, (long) done.getQueuedCount());

        // opens: first, last and count on the tracking row and the recipient; the mailing counts the person once
        assertTrue(tracking.opened(t2.getToken()));
        assertTrue(tracking.opened(t2.getToken()));
        assertFalse(tracking.opened(TrackingLinks.newToken()));
        assertFalse(tracking.opened("not a token"));
        EmailTracking opened = tracking.byToken(t2.getToken()).orElseThrow();
        assertEquals(2L, (long) opened.getOpenCount());
        assertTrue(!opened.getLastOpenedAt().isBefore(opened.getFirstOpenedAt()));
        MassMailingRecipient r2 = jpa.txExpr(em -> em.find(MassMailingRecipient.class, opened.getRecipientId()));
        assertEquals(MassMailingRecipient.OPENED, r2.getStatus());
        assertEquals(2L, (long) r2.getOpenCount());
        assertEquals(1L, (long) mailings.get(m.getId()).getOpenedCount());
        tracking.clicked(t2.getToken());
        assertEquals(1L, (long) mailings.get(m.getId()).getClickedCount());

        // the unsubscribe link sets the opt-out through the contact's own store
        assertTrue(records.optOut("Contact", opened.getContactId()));
        assertEquals(Boolean.TRUE, contacts.find(opened.getContactId()).orElseThrow().getDoNotEmail());
    }

    /**
     * The pixel and the links of a newsletter are public and hit at once (a reader's mail client, proxies, scanners):
     * opens and clicks of one email released together are each counted exactly once, and none fails.
     */
    @Test
    public void concurrentOpensAndClicksAreEachCountedOnce() throws Exception {
        String id = contact("赵", "六", "zhao@example.com", false);
        EmailTemplate t = template("新品", "新品上市", "<p>新品</p>");
        MassMailing m = mailings.start("并发跟踪", t, List.of(id), List.of(), null, SENDER);
        new MassMailingRun(mailings, templates, records, () -> links, () -> "crm@example.com", 50).step(m.getId());
        String token = jpa.txExpr(em -> em.createQuery("SELECT t.token FROM EmailTracking t", String.class).getSingleResult());

        int hits = 16;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2 * hits);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2 * hits);
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 2 * hits; i++) {
                boolean open = i % 2 == 0;
                done.add(pool.submit(() -> {
                    start.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    if (open) {
                        assertTrue(tracking.opened(token));
                    } else {
                        tracking.clicked(token);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS); // a hit that failed (a lost update, a lock conflict) throws here
            }
        } finally {
            pool.shutdownNow();
        }

        EmailTracking counted = tracking.byToken(token).orElseThrow();
        assertEquals(hits, (long) counted.getOpenCount());
        assertEquals(hits, (long) counted.getClickCount());
        assertTrue(!counted.getLastOpenedAt().isBefore(counted.getFirstOpenedAt()));
        MassMailingRecipient r = jpa.txExpr(em -> em.find(MassMailingRecipient.class, counted.getRecipientId()));
        assertEquals(hits, (long) r.getOpenCount());
        assertEquals(hits, (long) r.getClickCount());
        assertEquals(MassMailingRecipient.OPENED, r.getStatus());
        MassMailing after = mailings.get(m.getId());
        assertEquals("the mailing counts the person once", 1L, (long) after.getOpenedCount());
        assertEquals(1L, (long) after.getClickedCount());
    }

    @Test
    public void cancelledMailingsQueueNothingMore() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(contact("赵" + i, null, "z" + i + "@example.com", false));
        }
        MassMailing m = mailings.start("x", template("{{contact.lastName}}", "hi", null), ids, List.of(), null, SENDER);
        MassMailingRun run = new MassMailingRun(mailings, templates, records, () -> links, () -> "crm@example.com", 5);
        assertEquals(5, run.step(m.getId()));
        MassMailing cancelled = mailings.cancel(m.getId(), SENDER);
        assertEquals(MassMailing.CANCELLED, cancelled.getStatus());
        assertEquals(0, run.step(m.getId()));
        assertEquals(5, count("SELECT COUNT(e) FROM Email e"));
        assertEquals(15, count("SELECT COUNT(r) FROM MassMailingRecipient r WHERE r.status = 'cancelled'"));
        try {
            mailings.cancel(m.getId(), SENDER);
            fail("cancelled twice");
        } catch (AtriumException e) {
            assertEquals(409, e.status());
        }
    }

    @Test
    public void aScheduledEmailIsAnOutboxEntryDueLater() {
        String id = contact("孙", "七", "sun@example.com", false);
        EmailTemplate t = template("{{contact.lastName}}", "hi", null);
        Instant later = Instant.now().plusSeconds(3600);
        Email email = templates.enqueue(new MailingQueue.Outgoing("sun@example.com", new TemplateRenderer.Rendered("s", "t", null), id, null,
                null, TrackingLinks.newToken(), null, null, SENDER.userId()), "crm@example.com", later, SENDER);
        MailOutboxEntry entry = jpa.txExpr(em -> em.createQuery("SELECT o FROM MailOutboxEntry o WHERE o.emailId = :e", MailOutboxEntry.class)
                .setParameter("e", email.getId()).getSingleResult());
        assertTrue(entry.getNextAttemptAt().isAfter(Instant.now().plusSeconds(3500)));
        assertNull(tracking.forEmail(email.getId()).orElseThrow().getMassMailingId());
    }

    /** The platform's registry holding just these stores. */
    static org.atriumcrm.api.record.RecordStores registryOf(org.atriumcrm.api.record.RecordStore<?>... stores) {
        java.util.Map<String, org.atriumcrm.api.record.RecordStore<?>> byName = new java.util.HashMap<>();
        for (org.atriumcrm.api.record.RecordStore<?> s : stores) {
            byName.put(s.type().name(), s);
        }
        return new org.atriumcrm.api.record.RecordStores() {
            @Override
            public java.util.Optional<org.atriumcrm.api.record.RecordStore<?>> byName(String name) {
                return java.util.Optional.ofNullable(byName.get(name));
            }

            @Override
            public java.util.Optional<org.atriumcrm.api.record.RecordStore<?>> byPlural(String plural) {
                return byName.values().stream().filter(s -> s.type().plural().equals(plural)).findFirst();
            }

            @Override
            public java.util.Collection<org.atriumcrm.api.record.RecordStore<?>> all() {
                return byName.values();
            }

            @Override
            public Subscription onAdded(java.util.function.Consumer<org.atriumcrm.api.record.RecordStore<?>> added) {
                byName.values().forEach(added);
                return () -> { };
            }
        };
    }
}
