package org.atriumcrm.testkit.record;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.query.Page;
import org.atriumcrm.api.query.SortKey;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The {@link RecordStore} contract as the REST layer, the recycle bin, the list index and other modules rely on it. A
 * plugin extends this class with its own store over an empty database (e.g. on
 * {@link org.atriumcrm.testkit.jpa.InMemoryJpa}) and the values of a valid record:
 *
 * <pre>
 * public class NoteStoreConformanceTest extends RecordStoreConformanceTest&lt;Note&gt; {
 *     private static final InMemoryJpa JPA = InMemoryJpa.of("atrium.notebook");
 *
 *     protected RecordStore&lt;Note&gt; newStore(EventAdmin events) {
 *         JPA.deleteAll();
 *         return new NoteStore(JPA, events, null);
 *     }
 *
 *     protected Map&lt;String, Object&gt; validValues(int n) {
 *         return Map.of("title", "Note " + n);
 *     }
 * }
 * </pre>
 *
 * Values are given as the REST layer passes them: validated against the metadata and converted to the fields' types.
 *
 * @param <T> the record class of the store
 */
public abstract class RecordStoreConformanceTest<T extends Record> {
    protected static final Caller ALICE = new Caller("00000000-0000-7000-8000-00000000a11c", "alice");
    protected static final Caller BOB = new Caller("00000000-0000-7000-8000-000000000b0b", "bob");

    /** What the store posted ({@code postEvent}) and sent ({@code sendEvent}), with what {@code find} said meanwhile. */
    protected final List<Seen> events = Collections.synchronizedList(new ArrayList<>());
    protected RecordStore<T> store;

    /** One event and whether its record was {@link RecordStore#find findable} when the event was handed over. */
    public record Seen(Event event, boolean synchronous, Optional<Long> versionFound) {
        public String topic() {
            return event.getTopic();
        }
    }

    /**
     * The store under test over an empty database, posting its domain events to {@code events}. Called before every
     * test: empty the database here (e.g. {@link org.atriumcrm.testkit.jpa.InMemoryJpa#deleteAll()}).
     */
    protected abstract RecordStore<T> newStore(EventAdmin events);

    /** The values of a valid new record; different {@code n}, different values (also for the duplicate rules). */
    protected abstract Map<String, Object> validValues(int n);

    /** The values an update sets; by default those of another valid record. */
    protected Map<String, Object> changedValues(int n) {
        return validValues(100_000 + n);
    }

    /** False for a store that posts no domain events (then the events test is skipped, not passed). */
    protected boolean postsEvents() {
        return true;
    }

    @Before
    public void openStore() {
        EventAdmin recorder = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                events.add(new Seen(event, false, versionNow(event)));
            }

            @Override
            public void sendEvent(Event event) {
                events.add(new Seen(event, true, versionNow(event)));
            }
        };
        store = newStore(recorder);
        assertEquals("newStore() must give a store over an empty database", 0, store.count());
        assertEquals("newStore() must give a store with an empty recycle bin", 0, store.listDeleted(0, 10).total());
    }

    private Optional<Long> versionNow(Event event) {
        Object id = event.getProperty(DomainEvents.ID);
        return id instanceof String s && store != null ? store.find(s).map(Record::getVersion) : Optional.empty();
    }

    protected T create(int n, Caller caller) {
        return store.create(validValues(n), caller);
    }

    @Test
    public void createReturnsTheRecordWithIdVersionAndAuditFields() {
        T created = create(1, ALICE);
        assertNotNull("id", created.getId());
        assertFalse("id", created.getId().isBlank());
        assertNotNull("createdAt", created.getCreatedAt());
        assertNotNull("modifiedAt", created.getModifiedAt());
        assertEquals("createdBy", ALICE.userId(), created.getCreatedBy());
        assertEquals("modifiedBy", ALICE.userId(), created.getModifiedBy());
        assertNull("deletedAt of a new record", created.getDeletedAt());

        T found = store.find(created.getId()).orElseThrow(() -> new AssertionError("find after create"));
        assertEquals(created.getId(), found.getId());
        assertEquals("the version create returned is the stored one", created.getVersion(), found.getVersion());
        assertEquals(created.getCreatedAt(), found.getCreatedAt());
        assertEquals(1, store.count());
        assertNotEquals("every record its own id", created.getId(), create(2, ALICE).getId());
        assertEquals(2, store.count());
    }

    @Test
    public void updateWithTheExpectedVersionBumpsItAndAStaleVersionIs412() {
        T created = create(1, ALICE);
        long v0 = created.getVersion();
        T updated = store.update(created.getId(), v0, changedValues(1), BOB);
        assertTrue("version after update " + updated.getVersion() + " > " + v0, updated.getVersion() > v0);
        assertEquals("modifiedBy", BOB.userId(), updated.getModifiedBy());
        assertEquals("createdBy stays", ALICE.userId(), updated.getCreatedBy());
        assertEquals("createdAt stays", created.getCreatedAt(), updated.getCreatedAt());
        assertEquals(updated.getVersion(), store.find(created.getId()).orElseThrow().getVersion());

        assertFails(412, "update with the version before the last update",
                () -> store.update(created.getId(), v0, changedValues(2), ALICE));
        assertEquals("a refused update changes nothing", updated.getVersion(), store.find(created.getId()).orElseThrow().getVersion());

        T unchecked = store.update(created.getId(), null, changedValues(3), ALICE);
        assertTrue("an update without an expected version is not checked, but counted",
                unchecked.getVersion() > updated.getVersion());
    }

    @Test
    public void unknownRecordsAre404() {
        String unknown = UUID.randomUUID().toString();
        assertTrue(store.find(unknown).isEmpty());
        assertTrue("an id that is no id at all is just not found", store.find("no such id").isEmpty());
        assertFails(404, "update of an unknown id", () -> store.update(unknown, null, changedValues(1), ALICE));
        assertFails(404, "delete of an unknown id", () -> store.delete(unknown, null, ALICE));
        assertFails(404, "restore of an unknown id", () -> store.restore(unknown, ALICE));
        assertFails(404, "purge of an unknown id", () -> store.purge(unknown, ALICE));
    }

    @Test
    public void listPagesSortsAndFiltersOnMetadataFields() {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            ids.add(create(n, n < 3 ? ALICE : BOB).getId());
        }
        List<String> ascending = ids.stream().sorted().toList();
        List<SortKey> byId = List.of(new SortKey("id", false));

        Page<T> first = store.list(new ListQuery(0, 2, byId, null, List.of()));
        assertEquals(5, first.total());
        assertEquals(ascending.subList(0, 2), idsOf(first));
        assertEquals(ascending.subList(2, 4), idsOf(store.list(new ListQuery(2, 2, byId, null, List.of()))));
        assertEquals(ascending.subList(4, 5), idsOf(store.list(new ListQuery(4, 2, byId, null, List.of()))));
        List<String> descending = new ArrayList<>(ascending);
        Collections.reverse(descending);
        assertEquals(descending, idsOf(store.list(new ListQuery(0, 10, List.of(new SortKey("id", true)), null, List.of()))));

        Page<T> bobs = store.list(new ListQuery(0, 10, byId, null,
                List.of(new Condition("createdBy", Operator.EQ, List.of(BOB.userId())))));
        assertEquals(2, bobs.total());
        assertEquals(ids.subList(3, 5).stream().sorted().toList(), idsOf(bobs));
        Page<T> chosen = store.list(new ListQuery(0, 10, byId, null,
                List.of(new Condition("id", Operator.IN, List.of(ids.get(0), ids.get(4))))));
        assertEquals(List.of(ids.get(0), ids.get(4)).stream().sorted().toList(), idsOf(chosen));
        assertEquals(2, chosen.total());
    }

    @Test
    public void aFilterOrSortOnAFieldTheMetadataDoesNotNameIs400() {
        create(1, ALICE);
        assertFails(400, "filter on an unknown field", () -> store.list(new ListQuery(0, 10, List.of(), null,
                List.of(new Condition("noSuchField", Operator.EQ, List.of("x"))))));
        assertFails(400, "sort on an unknown field", () -> store.list(new ListQuery(0, 10,
                List.of(new SortKey("noSuchField", false)), null, List.of())));
    }

    @Test
    public void deleteMovesToTheRecycleBinAndRestoreBringsTheRecordBack() {
        T kept = create(1, ALICE);
        T record = create(2, ALICE);
        assertFails(412, "delete with a stale version", () -> store.delete(record.getId(), record.getVersion() + 1, ALICE));
        store.delete(record.getId(), record.getVersion(), BOB);

        assertTrue("a deleted record is not found", store.find(record.getId()).isEmpty());
        assertEquals(1, store.count());
        assertEquals(List.of(kept.getId()), idsOf(store.list(ListQuery.firstPage())));
        Page<T> bin = store.listDeleted(0, 10);
        assertEquals(1, bin.total());
        assertEquals(record.getId(), bin.items().get(0).getId());
        assertNotNull("deletedAt", bin.items().get(0).getDeletedAt());
        assertEquals("deletedBy", BOB.userId(), bin.items().get(0).getDeletedBy());
        assertFails(404, "update of a deleted record", () -> store.update(record.getId(), null, changedValues(1), ALICE));

        T restored = store.restore(record.getId(), ALICE);
        assertNull("deletedAt after restore", restored.getDeletedAt());
        assertTrue(store.find(record.getId()).isPresent());
        assertEquals(2, store.count());
        assertEquals(0, store.listDeleted(0, 10).total());
    }

    @Test
    public void purgeDeletesFromTheRecycleBinForGood() {
        T record = create(1, ALICE);
        store.delete(record.getId(), null, ALICE);
        store.purge(record.getId(), ALICE);
        assertEquals(0, store.listDeleted(0, 10).total());
        assertTrue(store.find(record.getId()).isEmpty());
        assertEquals(0, store.count());
        assertFails(404, "restore of a purged record", () -> store.restore(record.getId(), ALICE));
    }

    @Test
    public void domainEventsArePostedAfterCommit() {
        Assume.assumeTrue("this store posts no domain events", postsEvents());
        T record = create(1, ALICE);
        T updated = store.update(record.getId(), record.getVersion(), changedValues(1), ALICE);
        events.clear();
        assertFails(412, "stale update", () -> store.update(record.getId(), record.getVersion(), changedValues(2), ALICE));
        assertEquals("a refused write posts nothing", List.of(), domainEvents());
        store.delete(record.getId(), updated.getVersion(), ALICE);
        store.restore(record.getId(), ALICE);
        events.clear();

        T second = create(2, BOB);
        List<Seen> posted = domainEvents();
        assertEquals(List.of(topic("CREATED")), posted.stream().map(Seen::topic).toList());
        Event created = posted.get(0).event();
        assertEquals(store.type().name(), created.getProperty(DomainEvents.ENTITY));
        assertEquals(second.getId(), created.getProperty(DomainEvents.ID));
        assertEquals(BOB.userId(), created.getProperty(DomainEvents.USER_ID));
        assertEquals("the record is committed (found by others) when its event is posted",
                Optional.of(second.getVersion()), posted.get(0).versionFound());
        assertTrue("the synchronous " + DomainEvents.COMMITTED_TOPIC + " notice names the record: " + events,
                events.stream().anyMatch(s -> s.synchronous() && s.topic().equals(DomainEvents.COMMITTED_TOPIC)
                        && Arrays.asList((String[]) s.event().getProperty(DomainEvents.IDS)).contains(second.getId())));

        events.clear();
        T changed = store.update(second.getId(), second.getVersion(), changedValues(2), ALICE);
        store.delete(second.getId(), changed.getVersion(), ALICE);
        store.restore(second.getId(), ALICE);
        posted = domainEvents();
        assertEquals(List.of(topic("UPDATED"), topic("DELETED"), topic("RESTORED")), posted.stream().map(Seen::topic).toList());
        assertEquals("UPDATED is posted after its commit", Optional.of(changed.getVersion()), posted.get(0).versionFound());
        assertEquals("DELETED is posted after its commit", Optional.empty(), posted.get(1).versionFound());
        assertTrue("RESTORED is posted after its commit", posted.get(2).versionFound().isPresent());
        for (Seen seen : posted) {
            assertFalse("domain events are posted (asynchronous), not sent: " + seen.topic(), seen.synchronous());
            assertEquals(second.getId(), seen.event().getProperty(DomainEvents.ID));
        }
    }

    private String topic(String action) {
        return DomainEvents.topic(store.type().name(), DomainEvents.Action.valueOf(action));
    }

    /** The domain events seen so far ({@code atrium/<Entity>/<ACTION>}), without the synchronous commit notices. */
    protected List<Seen> domainEvents() {
        synchronized (events) {
            return events.stream().filter(s -> s.topic().startsWith(DomainEvents.TOPIC_PREFIX)).toList();
        }
    }

    protected static List<String> idsOf(Page<? extends Record> page) {
        return page.items().stream().map(Record::getId).toList();
    }

    /** Runs {@code write} and expects an {@link AtriumException} with {@code status} (the problem the REST layer answers). */
    protected static void assertFails(int status, String what, Runnable write) {
        try {
            write.run();
        } catch (AtriumException e) {
            assertEquals(what + ": " + e.getMessage(), status, e.status());
            return;
        }
        fail(what + " should fail with " + status);
    }
}
