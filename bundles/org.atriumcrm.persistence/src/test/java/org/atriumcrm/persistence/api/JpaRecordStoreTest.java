package org.atriumcrm.persistence.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.query.Page;
import org.atriumcrm.api.query.SortKey;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Visibility;
import org.atriumcrm.persistence.internal.SchemaUpkeep;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

public class JpaRecordStoreTest {
    private static EntityManagerFactory emf;
    private static final Caller ALICE = new Caller("00000000-0000-7000-8000-000000000001", "alice");
    private final List<Event> events = new ArrayList<>();
    private JpaRecordStore<Widget> store;

    @BeforeClass
    public static void openDatabase() {
        emf = Persistence.createEntityManagerFactory("test");
    }

    @AfterClass
    public static void closeDatabase() {
        emf.close();
    }

    @Before
    public void emptyTable() {
        InMemoryJpa jpa = new InMemoryJpa(emf);
        jpa.tx(em -> em.createQuery("DELETE FROM Widget").executeUpdate());
        jpa.tx(em -> em.createQuery("DELETE FROM RecordChange").executeUpdate());
        EventAdmin recorder = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                events.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                // the synchronous commit notices, not domain events: RecordStoreConformanceTest checks them
            }
        };
        store = new JpaRecordStore<>(Widget.TYPE, jpa, recorder, List.of(Widget.TYPE));
    }

    private Widget create(String name, String category, String amount) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("category", category);
        values.put("amount", amount == null ? null : new BigDecimal(amount));
        return store.create(values, ALICE);
    }

    @Test
    public void aColumnHoldsItsLengthInCharactersOutsideTheBasicPlane() {
        // NAME is VARCHAR for 200 characters; 200 emoji are 400 UTF-16 units, which Derby counts
        String emoji = "😀".repeat(200);
        Widget w = create(emoji, "a", null);
        assertEquals(emoji, store.find(w.getId()).orElseThrow().getName());
    }

    @Test
    public void createAssignsIdAuditColumnsOwnerAndPostsEvent() {
        Widget w = create("Zhang San 张三 😀", "a", "12.50");
        assertEquals(36, w.getId().length());
        assertEquals('7', w.getId().charAt(14));
        assertEquals(ALICE.userId(), w.getOwnerId());
        assertEquals(ALICE.userId(), w.getCreatedBy());
        assertEquals(w.getCreatedAt(), w.getModifiedAt());
        assertEquals("Zhang San 张三 😀", store.find(w.getId()).orElseThrow().getName());
        assertEquals("atrium/Widget/CREATED", events.get(0).getTopic());
        assertEquals(w.getId(), events.get(0).getProperty("id"));
    }

    @Test
    public void listFiltersSortsPagesAndCounts() {
        for (int i = 0; i < 7; i++) {
            create("w" + i, i % 2 == 0 ? "a" : "b", String.valueOf(i * 10));
        }
        Page<Widget> page = store.list(new ListQuery(0, 2, List.of(new SortKey("amount", true)), null,
                List.of(new Condition("category", Operator.EQ, List.of("a")))));
        assertEquals(4, page.total());
        assertEquals(List.of("w6", "w4"), page.items().stream().map(Widget::getName).toList());

        Page<Widget> range = store.list(new ListQuery(0, 50, List.of(new SortKey("name", false)), null, List.of(
                new Condition("amount", Operator.GE, List.of(new BigDecimal("20"))),
                new Condition("amount", Operator.LT, List.of(new BigDecimal("50"))))));
        assertEquals(List.of("w2", "w3", "w4"), range.items().stream().map(Widget::getName).toList());

        Page<Widget> in = store.list(new ListQuery(0, 50, List.of(), null,
                List.of(new Condition("name", Operator.IN, List.of("w1", "w5", "nope")))));
        assertEquals(2, in.total());
    }

    @Test
    public void boundedCountStopsAtTheBoundAndSaysSo() {
        for (int i = 0; i < 7; i++) {
            create("b" + i, i % 2 == 0 ? "a" : "b", String.valueOf(i));
        }
        ListQuery page = new ListQuery(0, 2, List.of(new SortKey("name", false)), null, List.of());
        Page<Widget> exact = store.list(page);
        assertEquals(7, exact.total());
        assertTrue(exact.totalExact());

        Page<Widget> under = store.list(page.withCountLimit(10));
        assertEquals(7, under.total());
        assertTrue("fewer matches than the bound: still exact", under.totalExact());

        Page<Widget> reached = store.list(page.withCountLimit(5));
        assertEquals(5, reached.total());
        assertFalse("the bound was reached: a lower bound", reached.totalExact());
        assertEquals(List.of("b0", "b1"), reached.items().stream().map(Widget::getName).toList());

        Page<Widget> deep = store.list(page.withPage(4, 2).withCountLimit(3));
        assertEquals("never below the end of the page", 6, deep.total());
        assertFalse(deep.totalExact());
        assertEquals(List.of("b4", "b5"), deep.items().stream().map(Widget::getName).toList());

        Page<Widget> filtered = store.list(page.withCondition(new Condition("category", Operator.EQ, List.of("a"))).withCountLimit(3));
        assertEquals(3, filtered.total());
        assertFalse(filtered.totalExact());
    }

    @Test
    public void quickSearchAndLikeAreCaseInsensitiveAndTreatWildcardsLiterally() {
        create("Acme Trading 上海", "a", null);
        create("acme_100%", "b", null);
        create("Other", "b", null);
        assertEquals(2, store.list(new ListQuery(0, 50, List.of(), "ACME", List.of())).total());
        assertEquals(1, store.list(new ListQuery(0, 50, List.of(), "上海", List.of())).total());
        assertEquals(1, store.list(new ListQuery(0, 50, List.of(), "_100%", List.of())).total());
        assertEquals(1, store.list(new ListQuery(0, 50, List.of(), null,
                List.of(new Condition("name", Operator.LIKE, List.of("acme t*"))))).total());
        assertEquals(3, store.list(new ListQuery(0, 50, List.of(), null,
                List.of(new Condition("amount", Operator.IS_NULL, List.of())))).total());
        assertEquals(2, store.list(new ListQuery(0, 50, List.of(), null,
                List.of(new Condition("category", Operator.NE, List.of("a"))))).total());
    }

    @Test
    public void staleVersionIsRefusedAndNothingChanges() {
        Widget w = create("Versioned", "a", "1");
        Widget updated = store.update(w.getId(), w.getVersion(), Map.of("name", "Versioned 2"), ALICE);
        assertEquals(w.getVersion() + 1, updated.getVersion());
        try {
            store.update(w.getId(), w.getVersion(), Map.of("name", "lost update"), ALICE);
            fail("stale version accepted");
        } catch (AtriumException e) {
            assertEquals(412, e.status());
        }
        assertEquals("Versioned 2", store.find(w.getId()).orElseThrow().getName());
    }

    @Test
    public void historyRecordsEveryChangeWithOldAndNewValues() {
        Widget w = create("History", "a", "1.5");
        store.update(w.getId(), null, Map.of("name", "History 2", "amount", new BigDecimal("2.25")), ALICE);
        store.delete(w.getId(), null, ALICE);
        store.restore(w.getId(), ALICE);
        var history = store.history(w.getId(), 50);
        assertEquals(List.of("RESTORED", "DELETED", "UPDATED", "UPDATED", "CREATED"),
                history.stream().map(org.atriumcrm.api.record.FieldChange::action).toList());
        var nameChange = history.stream().filter(c -> "name".equals(c.field())).findFirst().orElseThrow();
        assertEquals("History", nameChange.oldValue());
        assertEquals("History 2", nameChange.newValue());
        assertEquals(ALICE.userId(), nameChange.userId());
        var amount = history.stream().filter(c -> "amount".equals(c.field())).findFirst().orElseThrow();
        assertEquals("2.25", amount.newValue());
    }

    @Test
    public void updateWithoutChangesKeepsVersion() {
        Widget w = create("Same", "a", "1.0");
        Widget again = store.update(w.getId(), null, Map.of("amount", new BigDecimal("1.00")), ALICE);
        assertEquals(w.getVersion(), again.getVersion());
    }

    @Test
    public void deleteRestorePurgeGoThroughTheRecycleBin() {
        Widget parent = create("parent", "a", null);
        Map<String, Object> child = new HashMap<>();
        child.put("name", "child");
        child.put("parentId", parent.getId());
        Widget c = store.create(child, ALICE);

        store.delete(parent.getId(), null, ALICE);
        assertTrue(store.find(parent.getId()).isEmpty());
        assertEquals(1, store.listDeleted(0, 10).total());
        assertEquals(1, store.count());
        try {
            store.purge(c.getId(), ALICE);
            fail("purged a live record");
        } catch (AtriumException e) {
            assertEquals(409, e.status());
        }
        store.restore(parent.getId(), ALICE);
        assertTrue(store.find(parent.getId()).isPresent());

        store.delete(parent.getId(), null, ALICE);
        store.purge(parent.getId(), ALICE);
        assertEquals(0, store.listDeleted(0, 10).total());
        assertNull(store.find(c.getId()).orElseThrow().getParentId());
    }

    @Test
    public void mergeMovesReferencesAndBinsTheMergedRecord() {
        Widget keep = create("Keep", "a", "1");
        Widget gone = create("Gone", "b", "2");
        Map<String, Object> child = new HashMap<>();
        child.put("name", "child of gone");
        child.put("parentId", gone.getId());
        Widget c = store.create(child, ALICE);
        store.update(keep.getId(), null, Map.of("parentId", gone.getId()), ALICE);

        Widget merged = store.merge(keep.getId(), gone.getId(), Map.of("amount", new BigDecimal("2")), ALICE);
        assertEquals(0, new BigDecimal("2").compareTo(merged.getAmount()));
        assertNull("self reference dropped", merged.getParentId());
        assertEquals(keep.getId(), store.find(c.getId()).orElseThrow().getParentId());
        assertTrue(store.find(gone.getId()).isEmpty());
        assertFalse(store.listDeleted(0, 10).items().isEmpty());
        assertTrue(events.stream().anyMatch(e -> e.getTopic().equals("atrium/Widget/MERGED")));
    }

    @Test
    public void duplicatesMatchCaseInsensitivelyAndIgnoreDeleted() {
        Widget a = create("Beijing Foods", "a", null);
        assertEquals(1, store.findDuplicates(Map.of("name", "  beijing foods "), null).size());
        assertEquals(0, store.findDuplicates(Map.of("name", "beijing foods"), a.getId()).size());
        store.delete(a.getId(), null, ALICE);
        assertEquals(0, store.findDuplicates(Map.of("name", "Beijing Foods"), null).size());
    }

    @Test
    public void unknownOrMalformedIdsAreNotFound() {
        assertTrue(store.find("not-a-uuid").isEmpty());
        try {
            store.update("01890000-0000-7000-8000-000000000000", null, Map.of("name", "x"), ALICE);
            fail();
        } catch (AtriumException e) {
            assertEquals(404, e.status());
        }
    }

    @Test
    public void visibilityIsPartOfTheQuerySoTotalsAndPagesCountOnlyVisibleRecords() {
        Caller bob = new Caller("00000000-0000-7000-8000-000000000002", "bob");
        List<String> alices = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            alices.add(create("alice " + i, "a", null).getId());
        }
        Map<String, Object> values = new HashMap<>();
        values.put("name", "bob 1");
        String bobs = store.create(values, bob).getId();
        values.put("name", "bob 2");
        String shared = store.create(values, bob).getId();

        Visibility alicesView = new Visibility(false, java.util.Set.of(ALICE.userId()), java.util.Set.of(shared));
        ListQuery page = new ListQuery(0, 5, List.of(new SortKey("name", false)), null, List.of()).scopedTo(alicesView, java.util.Set.of());
        Page<Widget> first = store.list(page);
        assertEquals("7 own + 1 shared, never bob's other record", 8, first.total());
        assertEquals(5, first.items().size());
        Page<Widget> last = store.list(page.withPage(5, 5));
        assertEquals(8, last.total());
        assertEquals(List.of("alice 5", "alice 6", "bob 2"), last.items().stream().map(Widget::getName).toList());
        assertEquals(0, store.list(ListQuery.firstPage().scopedTo(Visibility.NONE, java.util.Set.of())).total());
        assertEquals(9, store.list(ListQuery.firstPage().scopedTo(Visibility.ALL, java.util.Set.of())).total());

        // a hidden field is neither searched nor filterable
        assertEquals(1, store.list(new ListQuery(0, 10, List.of(), "bob 1", List.of())).total());
        assertEquals(0, store.list(new ListQuery(0, 10, List.of(), "bob 1", List.of()).scopedTo(Visibility.ALL, java.util.Set.of("name"))).total());
        try {
            store.list(new ListQuery(0, 10, List.of(), null, List.of(new Condition("name", Operator.EQ, List.of("bob 1"))))
                    .scopedTo(Visibility.ALL, java.util.Set.of("name")));
            fail("filtering by a hidden field");
        } catch (AtriumException e) {
            assertEquals(400, e.status());
        }

        // duplicates, the recycle bin and transfers stay inside the visibility too
        values.clear();
        values.put("name", "bob 1");
        assertEquals(1, store.findDuplicates(values, null, Visibility.ALL).size());
        assertTrue(store.findDuplicates(values, null, alicesView).isEmpty());
        store.delete(bobs, null, bob);
        store.delete(alices.get(0), null, ALICE);
        assertEquals(2, store.listDeleted(0, 10).total());
        assertEquals(1, store.listDeleted(0, 10, alicesView).total());
        assertTrue(store.findDeleted(bobs).isPresent());
        assertFalse(store.findDeleted(shared).isPresent());

        int moved = store.transferOwnership(List.of(new Condition("ownerId", Operator.EQ, List.of(ALICE.userId()))),
                alicesView, bob.userId(), ALICE);
        assertEquals("live records only", 6, moved);
        assertEquals(bob.userId(), store.find(alices.get(1)).orElseThrow().getOwnerId());
        assertEquals(ALICE.userId(), store.findDeleted(alices.get(0)).orElseThrow().getOwnerId());
        assertEquals("ownerId", store.history(alices.get(1), 10).get(0).field());
        assertEquals(0, store.transferOwnership(List.of(new Condition("ownerId", Operator.EQ, List.of(bob.userId()))),
                new Visibility(false, java.util.Set.of(ALICE.userId()), java.util.Set.of()), ALICE.userId(), ALICE));
    }

    @Test
    public void forEachStreamsEveryMatchingRecordInOrderIgnoringPaging() {
        for (int i = 0; i < 1203; i++) {
            create(String.format("w%05d", i), i % 3 == 0 ? "a" : "b", String.valueOf(i));
        }
        List<String> names = new ArrayList<>();
        store.forEach(new ListQuery(0, 1, List.of(new SortKey("name", true)), null,
                List.of(new Condition("category", Operator.EQ, List.of("a")))), w -> names.add(w.getName()));
        assertEquals(401, names.size());
        assertEquals("w01200", names.get(0));
        assertEquals("w00000", names.get(400));
    }

    @Test
    public void findMatchesGroupsRecordsByNormalisedKeyInOneCall() {
        Widget a = create("  Acme 公司 ", "a", "1");
        Widget b = create("acme 公司", "b", "2");
        create("Other", "a", "3");
        var found = store.findMatches(List.of("name"), List.of(List.of("ACME 公司"), List.of("nobody"), java.util.Arrays.asList((Object) null)),
                org.atriumcrm.api.security.Visibility.ALL);
        assertEquals(1, found.size());
        assertEquals(java.util.Set.of(a.getId(), b.getId()), found.get(List.of("acme 公司")).stream().map(Widget::getId)
                .collect(java.util.stream.Collectors.toSet()));
        var twoFields = store.findMatches(List.of("name", "category"), List.of(List.of("acme 公司", "b")),
                org.atriumcrm.api.security.Visibility.ALL);
        assertEquals(List.of(b.getId()), twoFields.get(List.of("acme 公司", "b")).stream().map(Widget::getId).toList());
        var invisible = store.findMatches(List.of("name"), List.of(List.of("acme 公司")),
                new org.atriumcrm.api.security.Visibility(false, java.util.Set.of("someone-else"), java.util.Set.of()));
        assertTrue(invisible.isEmpty());
    }

    @Test
    public void writeBatchIsAllOrNothing() {
        Widget existing = create("keep", "a", "1");
        events.clear();
        List<org.atriumcrm.api.record.BatchWrite> ok = List.of(
                org.atriumcrm.api.record.BatchWrite.create(Map.of("name", "new one", "category", "b")),
                org.atriumcrm.api.record.BatchWrite.update(existing.getId(), Map.of("category", "b")));
        List<Widget> written = store.writeBatch(ok, ALICE);
        assertEquals(2, written.size());
        assertEquals("b", store.find(existing.getId()).orElseThrow().getCategory());
        assertEquals(2, events.size());
        events.clear();
        List<org.atriumcrm.api.record.BatchWrite> bad = List.of(
                org.atriumcrm.api.record.BatchWrite.create(Map.of("name", "never written", "category", "a")),
                org.atriumcrm.api.record.BatchWrite.delete(existing.getId()),
                org.atriumcrm.api.record.BatchWrite.update("00000000-0000-7000-8000-00000000dead", Map.of("category", "a")));
        try {
            store.writeBatch(bad, ALICE);
            org.junit.Assert.fail("the unknown id must fail the batch");
        } catch (org.atriumcrm.api.error.AtriumException e) {
            assertEquals(404, e.status());
            assertEquals(2, e.extensions().get("row"));
        }
        assertTrue(store.find(existing.getId()).isPresent());
        assertEquals(0, store.list(new ListQuery(0, 10, List.of(), null,
                List.of(new Condition("name", Operator.EQ, List.of("never written"))))).total());
        assertTrue(events.isEmpty());
    }

    @Test
    public void schemaUpkeepCreatesMissingIndexesAndFillsMatchKeysOfOldRows() {
        Widget a = create("  Beijing Foods ", "a", null);
        create("Shanghai Tea", "b", null);
        InMemoryJpa jpa = new InMemoryJpa(emf);
        // what an older version left: no key column values, no index
        jpa.tx(em -> em.createNativeQuery("UPDATE TEST_WIDGET SET NAME_KEY = NULL").executeUpdate());
        jpa.tx(em -> em.createNativeQuery("DROP INDEX IX_TEST_WIDGET_NAME_KEY").executeUpdate());
        emf.getCache().evictAll();
        assertEquals("old rows are invisible to the key-based duplicate check", 0,
                store.findDuplicates(Map.of("name", "beijing foods"), null).size());

        JpaRecordStore.Upkeep done = SchemaUpkeep.run(Widget.TYPE, jpa);
        assertEquals(List.of("IX_TEST_WIDGET_NAME_KEY"), done.createdIndexes());
        assertEquals(2, done.backfilledKeys());
        emf.getCache().evictAll();
        assertEquals(a.getId(), store.findDuplicates(Map.of("name", "beijing foods"), null).get(0).getId());
        assertEquals("nothing changed about the records", 1L, (long) store.find(a.getId()).orElseThrow().getVersion());

        JpaRecordStore.Upkeep again = SchemaUpkeep.run(Widget.TYPE, jpa);
        assertEquals(List.of(), again.createdIndexes());
        assertEquals(0, again.backfilledKeys());
    }

    @Test
    public void upkeepWidensTextColumnsAnOlderVersionSizedInUtf16Units() throws Exception {
        String url = "jdbc:derby:memory:oldwidths;create=true";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement s = c.createStatement()) {
            // the table as an older version created it: NAME and NAME_KEY for 200 UTF-16 units, NAME_KEY indexed
            s.execute("CREATE TABLE TEST_WIDGET (ID VARCHAR(36) NOT NULL PRIMARY KEY, CREATED_AT TIMESTAMP NOT NULL,"
                    + " MODIFIED_AT TIMESTAMP NOT NULL, VERSION BIGINT NOT NULL, NAME VARCHAR(200), NAME_KEY VARCHAR(200))");
            s.execute("CREATE INDEX IX_TEST_WIDGET_NAME_KEY ON TEST_WIDGET (NAME_KEY)");
        }
        javax.persistence.EntityManagerFactory old = Persistence.createEntityManagerFactory("test",
                Map.of("javax.persistence.jdbc.url", url));
        try {
            InMemoryJpa jpa = new InMemoryJpa(old);
            JpaRecordStore.Upkeep done = SchemaUpkeep.run(Widget.TYPE, jpa);
            assertTrue(done.widenedColumns().toString(), done.widenedColumns().containsAll(List.of("TEST_WIDGET.NAME", "TEST_WIDGET.NAME_KEY")));
            JpaRecordStore<Widget> widgets = new JpaRecordStore<>(Widget.TYPE, jpa, null, List.of(Widget.TYPE));
            String emoji = "😀".repeat(200);
            Widget w = widgets.create(Map.of("name", emoji), ALICE);
            assertEquals(emoji, widgets.find(w.getId()).orElseThrow().getName());
            assertEquals(List.of(), SchemaUpkeep.run(Widget.TYPE, jpa).widenedColumns());
        } finally {
            old.close();
        }
    }
}
