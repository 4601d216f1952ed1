package org.atriumcrm.mail.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.atriumcrm.integration.api.InboundReceipt;
import org.atriumcrm.integration.api.InboundReceipts;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * An upgraded installation keeps its mail receipts: the rows of ATRIUM_MAIL_RECEIPT are copied into the platform's
 * inbound receipts once (same ids), so nothing filed before the upgrade is filed again, a dead letter stays
 * replayable, and a second start copies nothing.
 */
public class LegacyReceiptsTest {
    private static EntityManagerFactory emf;

    @BeforeClass
    public static void openDatabase() {
        emf = Persistence.createEntityManagerFactory("mailtest");
    }

    @AfterClass
    public static void closeDatabase() {
        emf.close();
    }

    private static void legacy(InMemoryJpa jpa, String mailbox, String key, String status, String emailId) {
        jpa.tx(em -> em.createNativeQuery("INSERT INTO ATRIUM_MAIL_RECEIPT (ID, MAILBOX_ID, MESSAGE_KEY, STATUS, EMAIL_ID, RECEIVED_AT) VALUES (?, ?, ?, ?, ?, ?)")
                .setParameter(1, InboundReceipts.idOf(mailbox, key)).setParameter(2, mailbox).setParameter(3, key).setParameter(4, status)
                .setParameter(5, emailId).setParameter(6, Timestamp.from(Instant.now())).executeUpdate());
    }

    @Test
    public void receiptsOfAnEarlierVersionAreCopiedOnceAndStillDecide() {
        InMemoryJpa jpa = new InMemoryJpa(emf);
        for (String entity : new String[] {"MailReceipt", "InboundReceipt", "InboundCursor"}) {
            jpa.tx(em -> em.createQuery("DELETE FROM " + entity).executeUpdate());
        }
        String mailbox = "00000000-0000-7000-8000-0000000000aa";
        legacy(jpa, mailbox, "<filed@example.cn>", "filed", "00000000-0000-7000-8000-0000000000e1");
        legacy(jpa, mailbox, "<dead@example.cn>", "dead", null);
        EmailStore emails = new EmailStore(jpa, null, null);
        assertFalse("before the copy the platform's store does not know them", emails.received(mailbox, "<filed@example.cn>"));

        assertEquals(2, emails.copyLegacyReceipts());
        assertTrue(emails.received(mailbox, "<filed@example.cn>"));
        assertEquals("00000000-0000-7000-8000-0000000000e1", emails.filedEmail(mailbox, "<filed@example.cn>"));
        assertTrue(emails.received(mailbox, "<dead@example.cn>"));
        assertFalse(emails.received(mailbox, "<new@example.cn>"));
        assertEquals("the mailbox's filed count reads the platform's receipts", Long.valueOf(1),
                jpa.txExpr(em -> InboundReceipts.count(em, mailbox, InboundReceipt.FILED)));
        jpa.tx(em -> assertTrue("a dead receipt can still be cleared for a replay",
                InboundReceipts.forget(em, mailbox, "<dead@example.cn>", InboundReceipt.DEAD)));

        assertEquals("the next start copies nothing", 0, emails.copyLegacyReceipts());
        assertFalse("and does not bring back the receipt a replay cleared", emails.received(mailbox, "<dead@example.cn>"));
        // even without its marker (two nodes upgraded at once) the copy is idempotent: only missing rows are inserted
        emails.position(EmailStore.LEGACY_COPIED, null);
        assertEquals(1, emails.copyLegacyReceipts());
        assertEquals("the filed one is not there twice", Long.valueOf(1), jpa.txExpr(em -> InboundReceipts.count(em, mailbox, InboundReceipt.FILED)));
    }
}
