package org.atriumcrm.mail.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.atriumcrm.api.security.Caller;
import org.atriumcrm.integration.api.outbox.BackOff;
import org.atriumcrm.integration.api.outbox.OutboxEntry;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The company outbox's record of outcomes: the email changes with its history and event, as every channel's message does. */
public class EmailOutboxTest {
    private static final Caller SENDER = new Caller("00000000-0000-7000-8000-000000000001", "wang.wu");
    private static EntityManagerFactory emf;

    private InMemoryJpa jpa;
    private EmailStore emails;
    private final List<Event> events = new ArrayList<>();

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
        for (String entity : List.of("MailOutboxEntry", "EmailLink", "Email", "RecordChange")) {
            jpa.tx(em -> em.createQuery("DELETE FROM " + entity).executeUpdate());
        }
        emails = new EmailStore(jpa, new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                events.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                events.add(event);
            }
        }, null);
    }

    private MailOutboxEntry queued() {
        Email email = emails.queue(Map.of("toAddresses", "li.lei@example.cn", "subject", "报价单", "textBody", "您好"), "crm@example.cn", SENDER);
        events.clear();
        List<MailOutboxEntry> due = emails.due(10);
        assertEquals(1, due.size());
        assertEquals(email.getId(), due.get(0).getEmailId());
        return due.get(0);
    }

    private List<String> history(String emailId) {
        return jpa.txExpr(em -> em.createQuery("SELECT c.field FROM RecordChange c WHERE c.recordId = :id AND c.action = 'UPDATED' ORDER BY c.field",
                String.class).setParameter("id", emailId).getResultList());
    }

    private List<String> updates() {
        return events.stream().map(Event::getTopic).filter(t -> t.endsWith("/UPDATED")).toList();
    }

    @Test
    public void aMailGivenUpFailsItsEmailWithHistoryAndEvent() {
        MailOutboxEntry entry = queued();
        emails.failed(entry.getId(), "ConnectException: Connection refused", BackOff.of(1, 1));

        Email email = emails.email(entry.getEmailId());
        assertEquals(Email.FAILED, email.getStatus());
        assertEquals("ConnectException: Connection refused", email.getFailureReason());
        assertEquals(List.of("failureReason", "status"), history(email.getId()));
        assertEquals(List.of("atrium/Email/UPDATED"), updates());
        assertTrue(jpa.txExpr(em -> em.find(MailOutboxEntry.class, entry.getId())).isDead());
    }

    @Test
    public void aDeliveredMailIsSentWithHistoryAndEventAndAReplayQueuesADeadOneAgain() {
        MailOutboxEntry entry = queued();
        emails.failed(entry.getId(), "timeout", BackOff.of(1, 1));
        MailOutboxEntry replayed = emails.replay(entry.getId(), SENDER);
        assertEquals(OutboxEntry.PENDING, replayed.getStatus());
        assertEquals(Email.QUEUED, emails.email(entry.getEmailId()).getStatus());

        events.clear();
        emails.delivered(entry.getId(), "<m1@atriumcrm>");
        Email email = emails.email(entry.getEmailId());
        assertEquals(Email.SENT, email.getStatus());
        assertEquals("<m1@atriumcrm>", email.getMessageId());
        assertTrue(history(email.getId()).containsAll(List.of("messageId", "sentAt", "status")));
        assertEquals(List.of("atrium/Email/UPDATED"), updates());
        assertEquals(OutboxEntry.DELIVERED, jpa.txExpr(em -> em.find(MailOutboxEntry.class, entry.getId())).getStatus());
    }
}
