package org.atriumcrm.sms.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The SMS module's real stores on EclipseLink and in-memory Derby in plain Java SE, wired as DS wires them, with
 * a contact store (of {@link Person}) for linking and opt-outs. One database for the test run, emptied per test.
 */
final class SmsFixture {
    static final Caller ALICE = new Caller("00000000-0000-7000-8000-000000000001", "alice");
    private static EntityManagerFactory emf;

    final JpaTemplate jpa;
    final SmsStore store;
    final JpaRecordStore<Person> contacts;
    final SmsRecipients recipients = new SmsRecipients();
    final SmsConfig config = new SmsConfig();
    final SmsInbox inbox;
    final SmsOutbox outbox;

    SmsFixture(Map<String, Object> settings) {
        synchronized (SmsFixture.class) {
            if (emf == null) {
                emf = Persistence.createEntityManagerFactory("smstest");
            }
        }
        jpa = new InMemoryJpa(emf);
        for (String entity : List.of("SmsGatewayKey", "SmsOutboxEntry", "SmsMessage", "Person", "RecordChange")) {
            jpa.tx(em -> em.createQuery("DELETE FROM " + entity).executeUpdate());
        }
        EventAdmin events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
            }

            @Override
            public void sendEvent(Event event) {
            }
        };
        store = new SmsStore(jpa, events, null);
        contacts = new JpaRecordStore<>(Person.TYPE, jpa, events, List.of(Person.TYPE));
        recipients.setContacts(contacts);
        config.configure(settings(settings));
        inbox = new SmsInbox(store, recipients, config, null);
        outbox = new SmsOutbox(store, inbox);
    }

    Person contact(String name, String mobile, boolean doNotSms) {
        Map<String, Object> values = new HashMap<>();
        values.put("lastName", name);
        values.put("mobile", mobile);
        values.put("doNotSms", doNotSms);
        return contacts.create(values, ALICE);
    }

    /** One queued message to {@code to}, as the send action writes it. */
    SmsMessage queue(String to, String text) {
        String id = store.queueBulk(List.of(new SmsStore.Recipient(to, null, null, null)), text, null, ALICE).get(0);
        return store.message(id);
    }

    SmsOutboxEntry entryOf(String smsId) {
        return jpa.txExpr(em -> em.createQuery("SELECT e FROM SmsOutboxEntry e WHERE e.smsId = :id", SmsOutboxEntry.class)
                .setParameter("id", smsId).getSingleResult());
    }

    List<SmsMessage> inbound() {
        return jpa.txExpr(em -> em.createQuery("SELECT m FROM SmsMessage m WHERE m.direction = 'inbound' ORDER BY m.createdAt",
                SmsMessage.class).getResultList());
    }

    /** Settings as ConfigAdmin would give them: the metatype defaults, with {@code values} instead where given. */
    static SmsSettings settings(Map<String, Object> values) {
        return (SmsSettings) Proxy.newProxyInstance(SmsSettings.class.getClassLoader(), new Class<?>[] {SmsSettings.class},
                (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    if (method.getName().equals("annotationType")) {
                        return SmsSettings.class;
                    }
                    return method.getName().equals("hashCode") ? 0 : method.getName().equals("equals") ? proxy == args[0] : "SmsSettings" + values;
                });
    }
}
