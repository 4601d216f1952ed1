package org.atriumcrm.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Page;
import org.atriumcrm.api.record.BatchWrite;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.api.security.FieldAccess;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.api.security.Visibility;
import org.junit.Before;
import org.junit.Test;

/** The domain rules of a write, the same for every caller of the write path. */
public class RecordWritesServiceTest {
    static final String A = "0190a000-0000-7000-8000-00000000000a";
    static final String B = "0190a000-0000-7000-8000-00000000000b";
    static final String C = "0190a000-0000-7000-8000-00000000000c";
    static final String HIDDEN = "0190a000-0000-7000-8000-0000000000ff";
    static final Caller ALICE = new Caller("alice", "alice", false);

    private final Nodes nodes = new Nodes();
    private RecordWritesService writes;

    @Before
    public void records() {
        // A is the root, B below A, C below B; HIDDEN belongs to someone Alice cannot see
        nodes.put(new Node(A, "Root", null, "alice"));
        nodes.put(new Node(B, "Branch", A, "alice"));
        nodes.put(new Node(C, "Leaf", B, "alice"));
        nodes.put(new Node(HIDDEN, "Secret", null, "bob"));
        writes = new RecordWritesService(registry(nodes), new OwnerPolicy(), id -> Set.of("alice", "bob").contains(id), null);
    }

    @Test
    public void aReferenceToARecordTheCallerCannotSeeIsRefusedAsIfItDidNotExist() {
        AtriumException e = refused(() -> writes.check("Node", C, Map.of("parentId", HIDDEN), false, ALICE));
        assertEquals(400, e.status());
        assertEquals("no Node with id " + HIDDEN, e.errors().get(0).message());
        assertEquals("parentId", e.errors().get(0).field());
    }

    @Test
    public void aParentBelowTheRecordIsACycle() {
        AtriumException e = refused(() -> writes.check("Node", A, Map.of("parentId", C), false, ALICE));
        assertTrue(e.errors().get(0).message(), e.errors().get(0).message().startsWith("would make a cycle: " + C));
    }

    @Test
    public void aRecordCannotBeItsOwnParent() {
        AtriumException e = refused(() -> writes.check("Node", B, Map.of("parentId", B), false, ALICE));
        assertEquals("cannot refer to the record itself", e.errors().get(0).message());
    }

    @Test
    public void theOwnerMustBeAnActiveUserOrGroup() {
        AtriumException e = refused(() -> writes.check("nodes", null, Map.of("name", "New", "ownerId", "nobody"), false, ALICE));
        assertEquals("ownerId", e.errors().get(0).field());
        assertEquals("no active user or group with id nobody", e.errors().get(0).message());
    }

    @Test
    public void aHandOverToNoOneOrOfAnUnknownTypeIsRefusedBeforeAnythingMoves() {
        AtriumException e = refused(() -> writes.transferOwnedBy("alice", "nobody", List.of(), ALICE));
        assertEquals(400, e.status());
        assertEquals("toOwnerId", e.errors().get(0).field());
        assertEquals(404, refused(() -> writes.transferOwnedBy("alice", "bob", List.of("Spaceship"), ALICE)).status());
        assertEquals("alice", nodes.byId.get(A).getOwnerId());
    }

    @Test
    public void duplicatesAreRefusedOnCreateAndOnAChangeUnlessAllowed() {
        assertEquals("duplicate-record", refused(() -> writes.check("Node", null, Map.of("name", " root "), false, ALICE)).problemType());
        assertEquals("duplicate-record", refused(() -> writes.check("Node", C, Map.of("name", "Branch"), false, ALICE)).problemType());
        writes.check("Node", null, Map.of("name", "Root"), true, ALICE);
        writes.check("Node", C, Map.of("name", "Leaf"), false, ALICE); // unchanged rule field: a kept duplicate stays editable
    }

    @Test
    public void aBatchIsCheckedRowByRowWithOneQueryPerReferenceField() {
        nodes.lists.set(0);
        Map<Integer, AtriumException> violations = writes.check("Node", List.of(
                BatchWrite.update(A, Map.of("parentId", C)),
                BatchWrite.create(Map.of("name", "Fine", "parentId", A)),
                BatchWrite.create(Map.of("name", "Peek", "parentId", HIDDEN)),
                BatchWrite.delete(B)), false, ALICE);
        assertEquals(Set.of(0, 2), violations.keySet());
        assertEquals(1, nodes.lists.get());
    }

    @Test
    public void aWriteThatBreaksARuleNeverReachesTheStore() {
        refused(() -> writes.update("Node", C, null, Map.of("parentId", HIDDEN), false, ALICE));
        assertEquals(B, nodes.find(C).orElseThrow().parentId);
        Record created = writes.create("Node", new LinkedHashMap<>(Map.of("name", "Twig", "parentId", C)), false, ALICE);
        assertEquals(C, ((Node) created).parentId);
    }

    @Test
    public void aReplaceClearsWhatItLeavesOutAndTheRulesTakeItsNulls() {
        Map<String, Object> replace = new java.util.HashMap<>();
        replace.put("name", "Leaf");
        replace.put("parentId", null);
        writes.update("Node", C, null, replace, false, ALICE);
        assertNull(nodes.find(C).orElseThrow().parentId);
    }

    private static AtriumException refused(Runnable write) {
        try {
            write.run();
        } catch (AtriumException e) {
            return e;
        }
        fail("the write was not refused");
        return null;
    }

    static RecordStores registry(RecordStore<?> store) {
        return new RecordStores() {
            @Override
            public Optional<RecordStore<?>> byName(String name) {
                return Optional.<RecordStore<?>>of(store).filter(s -> s.type().name().equals(name));
            }

            @Override
            public Optional<RecordStore<?>> byPlural(String plural) {
                return Optional.<RecordStore<?>>of(store).filter(s -> s.type().plural().equals(plural));
            }

            @Override
            public Collection<RecordStore<?>> all() {
                return List.of(store);
            }

            @Override
            public Subscription onAdded(Consumer<RecordStore<?>> added) {
                added.accept(store);
                return () -> { };
            }
        };
    }

    /** Everyone sees the records they own; administrators see everything. */
    static final class OwnerPolicy implements AccessPolicy {
        @Override
        public EntityAccess access(Caller caller, EntityType<?> type) {
            Visibility visible = caller.administrator() ? Visibility.ALL : new Visibility(false, Set.of(caller.userId()), Set.of());
            return new EntityAccess() {
                @Override
                public Set<Right> rights() {
                    return Set.of(Right.VIEW, Right.CREATE, Right.EDIT);
                }

                @Override
                public Map<String, FieldAccess> restrictedFields() {
                    return Map.of();
                }

                @Override
                public Visibility read() {
                    return visible;
                }

                @Override
                public Visibility write() {
                    return visible;
                }
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends Record> RecordStore<T> secure(RecordStore<T> store, Caller caller) {
            return (RecordStore<T>) ((Nodes) store).seenBy(access(caller, store.type()).read());
        }
    }

    static final class Node implements Record {
        String id;
        String name;
        String parentId;
        String ownerId;

        Node() {
        }

        Node(String id, String name, String parentId, String ownerId) {
            this.id = id;
            this.name = name;
            this.parentId = parentId;
            this.ownerId = ownerId;
        }

        static final EntityType<Node> TYPE = EntityType.builder("Node", "nodes", Node.class, Node::new)
                .module("test")
                .field(FieldDef.of("name", FieldType.STRING, (Node n) -> n.name, (Node n, String v) -> n.name = v))
                .field(FieldDef.of("parentId", FieldType.REFERENCE, (Node n) -> n.parentId, (Node n, String v) -> n.parentId = v)
                        .referenceTo("Node"))
                .duplicateRule("name")
                .build();

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getOwnerId() {
            return ownerId;
        }

        @Override
        public void setOwnerId(String ownerId) {
            this.ownerId = ownerId;
        }

        @Override
        public Instant getCreatedAt() {
            return null;
        }

        @Override
        public String getCreatedBy() {
            return null;
        }

        @Override
        public Instant getModifiedAt() {
            return null;
        }

        @Override
        public String getModifiedBy() {
            return null;
        }

        @Override
        public long getVersion() {
            return 1;
        }

        @Override
        public Instant getDeletedAt() {
            return null;
        }

        @Override
        public String getDeletedBy() {
            return null;
        }
    }

    /** Nodes in memory; a view of them limited to what a visibility allows. */
    static final class Nodes implements RecordStore<Node> {
        final Map<String, Node> byId;
        final Visibility visible;
        final AtomicInteger lists;

        Nodes() {
            this(new LinkedHashMap<>(), Visibility.ALL, new AtomicInteger());
        }

        private Nodes(Map<String, Node> byId, Visibility visible, AtomicInteger lists) {
            this.byId = byId;
            this.visible = visible;
            this.lists = lists;
        }

        Nodes seenBy(Visibility v) {
            return new Nodes(byId, v, lists);
        }

        void put(Node n) {
            byId.put(n.id, n);
        }

        @Override
        public EntityType<Node> type() {
            return Node.TYPE;
        }

        @Override
        public Page<Node> list(ListQuery query) {
            lists.incrementAndGet();
            List<Object> ids = query.conditions().get(0).values();
            List<Node> items = byId.values().stream().filter(n -> ids.contains(n.id) && visible.allows(n)).toList();
            return new Page<>(items, items.size(), 0, query.limit());
        }

        @Override
        public Optional<Node> find(String id) {
            return Optional.ofNullable(byId.get(id)).filter(visible::allows);
        }

        @Override
        public List<Node> findDuplicates(Map<String, Object> values, String excludeId) {
            Object name = values.get("name");
            return byId.values().stream().filter(n -> visible.allows(n) && !n.id.equals(excludeId) && name instanceof String s
                    && s.strip().equalsIgnoreCase(n.name)).toList();
        }

        @Override
        public Node create(Map<String, Object> values, Caller caller) {
            Node n = new Node("0190a000-0000-7000-8000-0000000000" + (10 + byId.size()), (String) values.get("name"),
                    (String) values.get("parentId"), caller.userId());
            put(n);
            return n;
        }

        @Override
        public Node update(String id, Long expectedVersion, Map<String, Object> values, Caller caller) {
            Node n = find(id).orElseThrow();
            if (values.containsKey("parentId")) {
                n.parentId = (String) values.get("parentId");
            }
            return n;
        }

        @Override
        public void delete(String id, Long expectedVersion, Caller caller) {
            byId.remove(id);
        }

        @Override
        public Page<Node> listDeleted(int offset, int limit) {
            return new Page<>(List.of(), 0, offset, limit);
        }

        @Override
        public Node restore(String id, Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void purge(String id, Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Node merge(String survivorId, String mergedId, Map<String, Object> values, Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count() {
            return byId.size();
        }
    }
}
